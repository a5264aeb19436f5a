"""Local development: DEBUG on, a key generated once into var/, e-mail printed to the console."""

from config.env import env_bool, env_str, local_secret_key

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "") or local_secret_key(VAR_DIR / "secret_key")
