"""The privacy policy and terms of use, as ``release-coach serve`` publishes them."""

from __future__ import annotations

from typing import Any

from skill.hosts.web.app import create_app
from skill.hosts.web.documents import markdown_to_html


def client() -> Any:
    def invoke(envelope: dict[str, Any], log: dict[str, Any]) -> dict[str, Any]:
        raise AssertionError("no Alexa request is made here")

    return create_app(invoke, []).test_client()


def test_privacy_policy_says_what_is_stored_how_long_and_how_to_delete_it() -> None:
    response = client().get("/privacy")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "<title>Release Coach privacy policy</title>" in page
    for fact in ("last 62 days", "one record per completed session", "HMAC-SHA256",
                 "No health records", "delete my progress", "Disable the skill",
                 "stored by Amazon in your Alexa account", "reminder", "voice profile"):
        assert fact in page, fact


def test_terms_of_use_carry_the_health_disclaimer() -> None:
    response = client().get("/terms")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "not a substitute for professional medical advice" in page
    assert "<h1>Release Coach terms of use</h1>" in page


def test_documents_are_read_only() -> None:
    assert client().post("/privacy").status_code == 405


def test_markdown_is_escaped_not_trusted() -> None:
    page = markdown_to_html("# Title <b>\n\nA <script>alert(1)</script> and `code`\n\n- one\n- two")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<code>code</code>" in page and "<ul><li>one</li><li>two</li></ul>" in page
