"""The folder layout is the architecture: an app imports only apps listed above it in LOCAL_APPS, and never
another app's views or API. This test reads every module's imports, so a shortcut fails here, not in review."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = [app.removeprefix("samvei.") for app in settings.LOCAL_APPS]
PRIVATE_LAYERS = ("views", "api", "urls", "urls_municipalities")


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every absolute module name `path` imports, at any depth (function-level imports count too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, node.module)] + [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def _offences(app: str, path: Path) -> list[str]:
    """The imports of `path` (a module of `app`) that reach up the stack or into another app's views or API."""
    offences: dict[int, str] = {}  # one per import statement
    for line, module in _imports(path):
        parts = module.split(".")
        if parts[0] != "samvei" or len(parts) < 2 or parts[1] == app or parts[1] not in APPS:
            continue
        other = parts[1]
        where = f"{path}:{line} imports {module}"
        if APPS.index(other) > APPS.index(app):
            offences.setdefault(line, f"{where} (an app listed below {app})")
        elif len(parts) > 2 and parts[2] in PRIVATE_LAYERS:
            offences.setdefault(line, f"{where} (another app's {parts[2]})")
    return list(offences.values())


def _modules(app: str, *, tests: bool) -> list[Path]:
    return [
        path
        for path in sorted((ROOT / "samvei" / app).rglob("*.py"))
        if ("tests" in path.relative_to(ROOT / "samvei" / app).parts) == tests and "migrations" not in path.parts
    ]


def test_apps_import_only_apps_above_them_and_never_their_views_or_api():
    offences = [offence for app in APPS for path in _modules(app, tests=False) for offence in _offences(app, path)]

    assert offences == []


def test_the_check_names_imports_from_below_and_into_views_or_api(tmp_path):
    source = tmp_path / "module.py"
    source.write_text(
        "from samvei.challenges.models import Challenge\n"
        "from samvei.geography.api import router\n"
        "from samvei.core.text import norwegian_slugify\n"
        "from samvei.organisations.models import Organisation\n"
        "def later():\n    import samvei.pages.views\n"
    )

    offences = _offences("organisations", source)

    assert len(offences) == 3
    assert "samvei.challenges.models" in offences[0]
    assert "another app's api" in offences[1]
    assert "samvei.pages.views" in offences[2]


def test_every_local_app_is_a_folder_under_samvei():
    assert all((ROOT / "samvei" / app / "apps.py").exists() for app in APPS)
