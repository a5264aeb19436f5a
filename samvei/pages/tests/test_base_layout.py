"""The layout every page shares: a favicon, and the button that folds the menu away on a phone."""

from html.parser import HTMLParser

import pytest
from django.templatetags.static import static
from django.urls import reverse

pytestmark = pytest.mark.django_db


class _Tags(HTMLParser):
    """Start tags with their attributes, and the text inside each <button>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.button_texts: list[str] = []
        self._in_button = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "button":
            self._in_button = True
            self.button_texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "button":
            self._in_button = False

    def handle_data(self, data: str) -> None:
        if self._in_button:
            self.button_texts[-1] += data


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_every_page_links_the_svg_favicon(client):
    tags = _parse(client.get(reverse("pages:front")).text).tags

    icons = [attrs for tag, attrs in tags if tag == "link" and attrs.get("rel") == "icon"]
    assert icons == [{"rel": "icon", "href": static("favicon.svg"), "type": "image/svg+xml"}]


def test_the_menu_button_controls_the_menu_and_starts_hidden_for_pages_without_javascript(client):
    page = _parse(client.get("/en/").text)

    buttons = [attrs for tag, attrs in page.tags if tag == "button" and "aria-controls" in attrs]
    assert len(buttons) == 1
    button = buttons[0]
    assert button["type"] == "button"
    assert button["aria-expanded"] == "false"
    assert "hidden" in button
    assert [attrs for tag, attrs in page.tags if attrs.get("id") == button["aria-controls"]]
    assert "Menu" in [" ".join(text.split()) for text in page.button_texts]


def test_the_navigation_script_is_loaded_deferred_from_a_file(client):
    tags = _parse(client.get(reverse("pages:front")).text).tags

    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert {"src": static("js/navigation.js"), "defer": None} in scripts
