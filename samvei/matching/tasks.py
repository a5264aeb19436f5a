from datetime import timedelta

from django_tasks import task

from samvei.core.periodic import then_run_again

from .index import KINDS
from .services import profiles_refresh, query_vectors_store

REFRESH_ALL_EVERY = timedelta(days=1)


@task()
def refresh_match_profiles(*, kind: str, object_ids: list[int]) -> int:
    return profiles_refresh(kind=kind, object_ids=object_ids)


@task()
def store_query_vectors(*, kind: str, object_ids: list[int]) -> int:
    """What a request asked to be ranked for and found no stored vector of (`services.query_vector_later`)."""
    return query_vectors_store(kind=kind, object_ids=object_ids)


@task()
def refresh_all_match_profiles(*, repeat: bool = True) -> int:
    """Brings every match profile up to date once a day. A save refreshes its own profile at once; a new
    vocabulary, or a change made without saving (a bulk update), reaches the profiles here."""
    with then_run_again(refresh_all_match_profiles, after=REFRESH_ALL_EVERY, repeat=repeat):
        return sum(profiles_refresh(kind=kind) for kind in KINDS)
