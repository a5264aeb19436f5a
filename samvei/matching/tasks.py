from django_tasks import task

from .services import embedding_refresh


@task()
def refresh_embedding(*, kind: str, object_id: int) -> bool:
    return embedding_refresh(kind=kind, object_id=object_id)
