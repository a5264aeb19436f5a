import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("geography", "0001_initial")]
AFTER = [("geography", "0002_official_names")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_the_latest_schema():
    """Later tests (the browser tests above all) need every migration applied, not the state this test left."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_the_latest_schema")
def test_migration_moves_the_single_name_field_into_rows_marked_unverified():
    old = _migrate(BEFORE)
    old.get_model("geography", "Municipality").objects.filter(number="5001").update(sami_kven_name="Tråante")

    new = _migrate(AFTER)

    rows = list(new.get_model("geography", "PlaceName").objects.filter(municipality__number="5001", language="sma"))
    assert [(row.name, row.language_verified) for row in rows] == [("Tråante", False)]
    assert "sami_kven_name" not in {f.name for f in new.get_model("geography", "Municipality")._meta.fields}
