"""Tests: fast hashing, e-mail kept in memory, the database from DATABASE_URL as in every environment."""

from config.env import local_secret_key

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = False
SECRET_KEY = local_secret_key(VAR_DIR / "secret_key")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once in tests; they are still enqueued only after the transaction commits.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
