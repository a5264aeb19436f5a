from django_tasks import task

from .services import profiles_refresh


@task()
def refresh_match_profile(*, kind: str, object_id: int) -> int:
    return profiles_refresh(kind=kind, object_ids=[object_id])
