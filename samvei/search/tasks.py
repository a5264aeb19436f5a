from django_tasks import task

from .services import index_object as index_object_now


@task()
def index_object(*, kind: str, object_id: int) -> bool:
    return index_object_now(kind=kind, object_id=object_id)
