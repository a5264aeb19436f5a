"""The stages of issue 13 replace the old ones: each stored old value becomes its new one, and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("collaborations", "0001_initial")]


def _migrate(targets=None):
    """To `targets`, or back to every app's newest migration (apps that depend on this one included)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_old_stages_become_the_new_ones(stavanger, enterprise):
    old = _migrate(BEFORE)
    Collaboration = old.get_model("collaborations", "Collaboration")
    for stage in ["started", "agreed", "pilot", "ended"]:
        Collaboration.objects.create(public_body_id=stavanger.pk, partner_id=enterprise.pk, title=stage, stage=stage)

    new = _migrate()

    rows = dict(new.get_model("collaborations", "Collaboration").objects.values_list("title", "stage"))
    assert rows == {"started": "idea", "agreed": "agreement", "pilot": "pilot", "ended": "ended"}
