from datetime import timedelta

from django_tasks import task

from samvei.core.periodic import then_run_again

from .services import index_objects as index_objects_now
from .services import rebuild_index

REBUILD_EVERY = timedelta(days=1)


@task()
def index_objects(*, kind: str, object_ids: list[int]) -> int:
    return index_objects_now(kind=kind, object_ids=object_ids)


@task()
def rebuild_search_index(*, repeat: bool = True) -> int:
    """Indexes everything again once a day, so a change that reached no refresher (a raw SQL fix, a changed
    document recipe) is in the index by the next morning."""
    with then_run_again(rebuild_search_index, after=REBUILD_EVERY, repeat=repeat):
        return sum(rebuild_index().values())
