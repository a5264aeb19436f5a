from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samvei.core.markdown import render_markdown


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, [(name, (value or "").strip().lower()) for name, value in attrs]))


def _elements(html):
    """Every element the browser would build from the HTML, with its attributes."""
    collector = _Collector()
    collector.feed(html)
    return collector.elements


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        "[klikk](javascript:alert(1))",
        '<img src=x onerror="alert(1)">',
        '<a href="#" onclick="alert(1)">x</a>',
        "[x](JaVaScRiPt:alert(1))",
        "<iframe src='https://evil.example'></iframe>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        "[x]( javascript:alert(1) )",
    ],
)
def test_scripts_handlers_and_dangerous_links_never_survive(attack):
    elements = _elements(render_markdown(attack))

    assert not [tag for tag, _ in elements if tag in {"script", "iframe", "img", "object", "embed"}]
    assert not [name for _, attrs in elements for name, _ in attrs if name.startswith("on")]
    assert not [
        value for _, attrs in elements for name, value in attrs if name == "href" and not value.startswith("https:")
    ]


def test_ordinary_markdown_is_rendered():
    html = render_markdown("**Viktig**: les [veilederen](https://www.ks.no/).\n\n- ett\n- to")

    assert "<strong>Viktig</strong>" in html
    assert '<a href="https://www.ks.no/" rel="noopener noreferrer">veilederen</a>' in html
    assert "<li>ett</li>" in html


@given(st.text())
def test_no_input_produces_a_script_element_or_handler(text):
    elements = _elements(render_markdown(text))

    assert not [tag for tag, _ in elements if tag == "script"]
    assert not [name for _, attrs in elements for name, _ in attrs if name.startswith("on")]
