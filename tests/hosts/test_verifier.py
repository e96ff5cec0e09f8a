"""Tests for skill.hosts.web.verifier: each Alexa request-verification rule, passing and failing."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from skill.hosts.web.verifier import (
    ApplicationIdVerifier,
    SignatureVerifier,
    TimestampVerifier,
    VerificationError,
    build_verifiers,
    default_fetcher,
    load_default_trust_roots,
    validate_cert_url,
)
from tests.support.certs import (
    ALEXA_SAN,
    CERT_URL,
    NOW,
    FakeClock,
    FakeFetcher,
    Issued,
    chain_pem,
    good_chain,
    intermediate_ca,
    leaf_cert,
    root_ca,
    rsa_key,
    sign_body,
    signed_headers,
)

BODY = b'{"version":"1.0","request":{"type":"LaunchRequest"}}'


def make_verifier(
    chains: dict[str, bytes], clock: FakeClock | None = None
) -> tuple[SignatureVerifier, FakeFetcher]:
    fetcher = FakeFetcher(chains)
    verifier = SignatureVerifier(
        fetcher=fetcher, trust_roots=[root_ca().cert], clock=clock or FakeClock()
    )
    return verifier, fetcher


def verify_with_leaf(leaf: Issued, pem: bytes, clock: FakeClock | None = None) -> None:
    verifier, _ = make_verifier({CERT_URL: pem}, clock)
    verifier.verify(signed_headers(leaf.key, BODY), BODY, {})


# --------------------------------------------------------------------------- certificate URL


@pytest.mark.parametrize(
    "url",
    [
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
    ],
)
def test_cert_url_accepted(url: str) -> None:
    validate_cert_url(url)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://s3.amazonaws.com/echo.api/echo-api-cert.pem", "https"),
        ("https://notamazon.com/echo.api/echo-api-cert.pem", "host"),
        ("https://s3.amazonaws.com.evil.example/echo.api/cert.pem", "host"),
        ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/../evil/cert.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/%2e%2e/evil/cert.pem", "path"),
        ("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", "path"),
        ("https://s3.amazonaws.com/echo.api", "path"),
        ("https://s3.amazonaws.com:8443/echo.api/echo-api-cert.pem", "port"),
        ("https://s3.amazonaws.com:notaport/echo.api/echo-api-cert.pem", "malformed"),
        ("https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem", "credentials"),
    ],
)
def test_cert_url_rejected(url: str, reason: str) -> None:
    with pytest.raises(VerificationError, match=reason):
        validate_cert_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
    ],
)
def test_signature_verifier_accepts_url_variants(url: str) -> None:
    leaf, pem = good_chain()
    verifier, fetcher = make_verifier({url: pem})
    verifier.verify(signed_headers(leaf.key, BODY, cert_url=url), BODY, {})
    assert fetcher.calls == [url]


@pytest.mark.parametrize(
    "url",
    [
        "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../evil/cert.pem",
        "https://s3.amazonaws.com:8443/echo.api/echo-api-cert.pem",
    ],
)
def test_signature_verifier_rejects_bad_url_without_fetching(url: str) -> None:
    leaf, pem = good_chain()
    verifier, fetcher = make_verifier({url: pem})
    with pytest.raises(VerificationError, match="certificate URL"):
        verifier.verify(signed_headers(leaf.key, BODY, cert_url=url), BODY, {})
    assert fetcher.calls == []


# --------------------------------------------------------------------------- certificate chain


def test_trusted_chain_passes() -> None:
    leaf, pem = good_chain()
    verify_with_leaf(leaf, pem)


def test_chain_from_untrusted_root_fails() -> None:
    rogue_intermediate = intermediate_ca("rogue")
    leaf = leaf_cert(rogue_intermediate, key_label="rogue-leaf")
    pem = chain_pem(leaf.cert, rogue_intermediate.cert, root_ca("rogue").cert)
    with pytest.raises(VerificationError, match="not trusted"):
        verify_with_leaf(leaf, pem)


def test_chain_missing_intermediate_fails() -> None:
    leaf, _ = good_chain()
    with pytest.raises(VerificationError, match="not trusted"):
        verify_with_leaf(leaf, chain_pem(leaf.cert))


def test_expired_leaf_fails() -> None:
    intermediate = intermediate_ca()
    leaf = leaf_cert(
        intermediate,
        not_before=NOW - dt.timedelta(days=400),
        not_after=NOW - dt.timedelta(seconds=1),
    )
    with pytest.raises(VerificationError, match="expired"):
        verify_with_leaf(leaf, chain_pem(leaf.cert, intermediate.cert))


def test_not_yet_valid_leaf_fails() -> None:
    intermediate = intermediate_ca()
    leaf = leaf_cert(
        intermediate,
        not_before=NOW + dt.timedelta(seconds=1),
        not_after=NOW + dt.timedelta(days=300),
    )
    with pytest.raises(VerificationError, match="not yet valid"):
        verify_with_leaf(leaf, chain_pem(leaf.cert, intermediate.cert))


@pytest.mark.parametrize("sans", [None, ["example.com"], ["alexa.amazon.com", "amazon.com"]])
def test_leaf_without_alexa_san_fails(sans: list[str] | None) -> None:
    intermediate = intermediate_ca()
    leaf = leaf_cert(intermediate, sans=sans)
    with pytest.raises(VerificationError, match=ALEXA_SAN):
        verify_with_leaf(leaf, chain_pem(leaf.cert, intermediate.cert))


def test_leaf_with_extra_sans_passes() -> None:
    intermediate = intermediate_ca()
    leaf = leaf_cert(intermediate, sans=["other.amazon.com", ALEXA_SAN])
    verify_with_leaf(leaf, chain_pem(leaf.cert, intermediate.cert))


@pytest.mark.parametrize("payload", [b"", b"not a certificate", b"-----BEGIN CERTIFICATE-----\n"])
def test_garbage_chain_fails(payload: bytes) -> None:
    leaf, _ = good_chain()
    with pytest.raises(VerificationError, match="certificate chain"):
        verify_with_leaf(leaf, payload)


def test_fetch_failure_fails_closed() -> None:
    leaf, pem = good_chain()
    verifier, fetcher = make_verifier({"https://s3.amazonaws.com/echo.api/other.pem": pem})
    with pytest.raises(VerificationError, match="could not download"):
        verifier.verify(signed_headers(leaf.key, BODY), BODY, {})
    assert fetcher.calls == [CERT_URL]


# --------------------------------------------------------------------------- signature


def test_valid_signature_passes_with_lowercase_header_names() -> None:
    leaf, pem = good_chain()
    verifier, _ = make_verifier({CERT_URL: pem})
    headers = {name.lower(): value for name, value in signed_headers(leaf.key, BODY).items()}
    verifier.verify(headers, BODY, {})


def test_tampered_body_fails() -> None:
    leaf, pem = good_chain()
    verifier, _ = make_verifier({CERT_URL: pem})
    headers = signed_headers(leaf.key, BODY)
    tampered = bytearray(BODY)
    tampered[10] ^= 0x01
    with pytest.raises(VerificationError, match="signature does not match"):
        verifier.verify(headers, bytes(tampered), {})


def test_signature_from_wrong_key_fails() -> None:
    _, pem = good_chain()
    verifier, _ = make_verifier({CERT_URL: pem})
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": sign_body(rsa_key("x"), BODY)}
    with pytest.raises(VerificationError, match="signature does not match"):
        verifier.verify(headers, BODY, {})


def test_bad_base64_signature_fails() -> None:
    _, pem = good_chain()
    verifier, _ = make_verifier({CERT_URL: pem})
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": "not*base64!"}
    with pytest.raises(VerificationError, match="base64"):
        verifier.verify(headers, BODY, {})


def test_missing_signature_header_fails_even_with_legacy_sha1_header() -> None:
    leaf, pem = good_chain()
    verifier, _ = make_verifier({CERT_URL: pem})
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature": sign_body(leaf.key, BODY)}
    with pytest.raises(VerificationError, match="missing Signature-256"):
        verifier.verify(headers, BODY, {})


def test_missing_cert_url_header_fails() -> None:
    leaf, pem = good_chain()
    verifier, fetcher = make_verifier({CERT_URL: pem})
    headers = {"Signature-256": sign_body(leaf.key, BODY)}
    with pytest.raises(VerificationError, match="missing SignatureCertChainUrl"):
        verifier.verify(headers, BODY, {})
    assert fetcher.calls == []


# --------------------------------------------------------------------------- cache


def test_cache_hit_fetches_once() -> None:
    leaf, pem = good_chain()
    clock = FakeClock()
    verifier, fetcher = make_verifier({CERT_URL: pem}, clock)
    verifier.verify(signed_headers(leaf.key, BODY), BODY, {})
    clock.advance(minutes=59)
    verifier.verify(signed_headers(leaf.key, BODY), BODY, {})
    assert fetcher.calls == [CERT_URL]


def test_cache_expires_after_an_hour() -> None:
    leaf, pem = good_chain()
    clock = FakeClock()
    verifier, fetcher = make_verifier({CERT_URL: pem}, clock)
    verifier.verify(signed_headers(leaf.key, BODY), BODY, {})
    clock.advance(hours=1, seconds=1)
    verifier.verify(signed_headers(leaf.key, BODY), BODY, {})
    assert fetcher.calls == [CERT_URL, CERT_URL]


def test_cache_expires_with_the_leaf_certificate() -> None:
    intermediate = intermediate_ca()
    leaf = leaf_cert(intermediate, not_after=NOW + dt.timedelta(minutes=10))
    clock = FakeClock()
    verifier, fetcher = make_verifier({CERT_URL: chain_pem(leaf.cert, intermediate.cert)}, clock)
    verifier.verify(signed_headers(leaf.key, BODY), BODY, {})
    clock.advance(minutes=11)
    with pytest.raises(VerificationError, match="expired"):
        verifier.verify(signed_headers(leaf.key, BODY), BODY, {})
    assert fetcher.calls == [CERT_URL, CERT_URL]


def test_failed_chain_is_remembered_briefly_then_fetched_again() -> None:
    leaf, pem = good_chain()
    chains = {CERT_URL: b"garbage"}
    clock = FakeClock()
    verifier, fetcher = make_verifier(chains, clock)
    for _ in range(5):
        with pytest.raises(VerificationError, match="not valid PEM"):
            verifier.verify(signed_headers(leaf.key, BODY), BODY, {})
    # Before: five requests, five downloads.
    assert fetcher.calls == [CERT_URL]
    chains[CERT_URL] = pem
    clock.advance(seconds=61)
    verifier.verify(signed_headers(leaf.key, BODY), BODY, {})
    assert fetcher.calls == [CERT_URL, CERT_URL]


def test_failed_download_is_remembered_per_url() -> None:
    leaf, _ = good_chain()
    verifier, fetcher = make_verifier({})  # every download fails
    urls = [f"https://s3.amazonaws.com/echo.api/cert-{n}.pem" for n in range(3)]
    for _ in range(4):
        for url in urls:
            headers = {**signed_headers(leaf.key, BODY), "SignatureCertChainUrl": url}
            with pytest.raises(VerificationError, match="download"):
                verifier.verify(headers, BODY, {})
    assert fetcher.calls == urls


def test_stale_or_foreign_requests_never_cause_a_download() -> None:
    leaf, pem = good_chain()
    fetcher = FakeFetcher({CERT_URL: pem})
    verifiers = build_verifiers(SKILL_ID, insecure_dev=False, fetcher=fetcher,
                                trust_roots=[root_ca().cert], clock=FakeClock())
    stale = {**context_envelope(SKILL_ID),
             "request": {"type": "LaunchRequest", "timestamp": iso(NOW - dt.timedelta(hours=1))}}
    fresh_foreign = {**context_envelope(OTHER_ID),
                     "request": {"type": "LaunchRequest", "timestamp": iso(NOW)}}
    for envelope in (stale, fresh_foreign):
        with pytest.raises(VerificationError):
            for verifier in verifiers:
                verifier.verify(signed_headers(leaf.key, BODY), BODY, envelope)
    # Before: the signature (and so the download) was checked first.
    assert fetcher.calls == []


# --------------------------------------------------------------------------- timestamp


def envelope_at(timestamp: str, request_type: str = "IntentRequest") -> dict[str, Any]:
    return {"request": {"type": request_type, "timestamp": timestamp}}


def iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("offset", [0, -149, 149, -150, 150])
def test_timestamp_inside_window_passes(offset: int) -> None:
    stamp = iso(NOW + dt.timedelta(seconds=offset))
    TimestampVerifier(clock=FakeClock()).verify({}, b"", envelope_at(stamp))


@pytest.mark.parametrize("offset", [-151, 151, -3000])
def test_timestamp_outside_window_fails(offset: int) -> None:
    stamp = iso(NOW + dt.timedelta(seconds=offset))
    with pytest.raises(VerificationError, match="window"):
        TimestampVerifier(clock=FakeClock()).verify({}, b"", envelope_at(stamp))


@pytest.mark.parametrize(
    "stamp", ["2026-01-15T12:00:01.123Z", "2026-01-15T13:00:01+01:00", "2026-01-15T12:00:01"]
)
def test_timestamp_formats_accepted(stamp: str) -> None:
    TimestampVerifier(clock=FakeClock()).verify({}, b"", envelope_at(stamp))


@pytest.mark.parametrize("offset", [-3000, -3600, 3600])
def test_skill_event_gets_one_hour_window(offset: int) -> None:
    stamp = iso(NOW + dt.timedelta(seconds=offset))
    envelope = envelope_at(stamp, "AlexaSkillEvent.SkillEnabled")
    TimestampVerifier(clock=FakeClock()).verify({}, b"", envelope)


@pytest.mark.parametrize("offset", [-3601, 3601])
def test_skill_event_outside_one_hour_fails(offset: int) -> None:
    stamp = iso(NOW + dt.timedelta(seconds=offset))
    envelope = envelope_at(stamp, "AlexaSkillEvent.SkillEnabled")
    with pytest.raises(VerificationError, match="window"):
        TimestampVerifier(clock=FakeClock()).verify({}, b"", envelope)


@pytest.mark.parametrize(
    ("envelope", "reason"),
    [
        ({"request": {"type": "LaunchRequest", "timestamp": "yesterday"}}, "malformed"),
        ({"request": {"type": "LaunchRequest"}}, "missing"),
        ({"request": {"type": "LaunchRequest", "timestamp": 1768478400}}, "missing"),
        ({}, "missing"),
    ],
)
def test_bad_timestamp_fails(envelope: dict[str, Any], reason: str) -> None:
    with pytest.raises(VerificationError, match=reason):
        TimestampVerifier(clock=FakeClock()).verify({}, b"", envelope)


# --------------------------------------------------------------------------- application id

SKILL_ID = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555"
OTHER_ID = "amzn1.ask.skill.99999999-2222-3333-4444-555555555555"


def context_envelope(app_id: str) -> dict[str, Any]:
    return {"context": {"System": {"application": {"applicationId": app_id}}}}


def session_envelope(app_id: str) -> dict[str, Any]:
    return {"session": {"application": {"applicationId": app_id}}}


@pytest.mark.parametrize("envelope", [context_envelope(SKILL_ID), session_envelope(SKILL_ID)])
def test_application_id_match_passes(envelope: dict[str, Any]) -> None:
    ApplicationIdVerifier(SKILL_ID).verify({}, b"", envelope)


def test_context_application_id_wins_over_session() -> None:
    envelope = {**context_envelope(OTHER_ID), **session_envelope(SKILL_ID)}
    with pytest.raises(VerificationError, match="does not match"):
        ApplicationIdVerifier(SKILL_ID).verify({}, b"", envelope)


@pytest.mark.parametrize("envelope", [context_envelope(OTHER_ID), session_envelope(OTHER_ID)])
def test_application_id_mismatch_fails(envelope: dict[str, Any]) -> None:
    with pytest.raises(VerificationError, match="does not match"):
        ApplicationIdVerifier(SKILL_ID).verify({}, b"", envelope)


@pytest.mark.parametrize(
    "envelope", [{}, {"context": {"System": {}}}, {"context": "x"}, context_envelope(42)]  # type: ignore[arg-type]
)
def test_application_id_missing_fails(envelope: dict[str, Any]) -> None:
    with pytest.raises(VerificationError, match="missing"):
        ApplicationIdVerifier(SKILL_ID).verify({}, b"", envelope)


def test_empty_skill_id_is_a_configuration_error() -> None:
    with pytest.raises(ValueError):
        ApplicationIdVerifier("")


# --------------------------------------------------------------------------- assembly


def test_build_verifiers_secure_has_all_three_rules() -> None:
    verifiers = build_verifiers(SKILL_ID, insecure_dev=False, trust_roots=[root_ca().cert])
    kinds = [type(v) for v in verifiers]
    # The cheap checks first: only a fresh request for this skill can cause a download.
    assert kinds == [TimestampVerifier, ApplicationIdVerifier, SignatureVerifier]


def test_build_verifiers_secure_without_skill_id_skips_app_id() -> None:
    verifiers = build_verifiers(None, insecure_dev=False, trust_roots=[root_ca().cert])
    assert [type(v) for v in verifiers] == [TimestampVerifier, SignatureVerifier]


def test_insecure_dev_still_checks_application_id() -> None:
    verifiers = build_verifiers(SKILL_ID, insecure_dev=True)
    assert [type(v) for v in verifiers] == [ApplicationIdVerifier]
    for verifier in verifiers:
        verifier.verify({}, b"", context_envelope(SKILL_ID))
    with pytest.raises(VerificationError):
        for verifier in verifiers:
            verifier.verify({}, b"", context_envelope(OTHER_ID))


def test_insecure_dev_without_skill_id_has_no_verifiers() -> None:
    assert build_verifiers(None, insecure_dev=True) == []


def test_build_verifiers_wires_fetcher_and_clock_end_to_end() -> None:
    leaf, pem = good_chain()
    fetcher = FakeFetcher({CERT_URL: pem})
    verifiers = build_verifiers(
        SKILL_ID, insecure_dev=False, fetcher=fetcher, trust_roots=[root_ca().cert],
        clock=FakeClock(),
    )
    envelope = {
        **context_envelope(SKILL_ID),
        "request": {"type": "LaunchRequest", "timestamp": iso(NOW)},
    }
    for verifier in verifiers:
        verifier.verify(signed_headers(leaf.key, BODY), BODY, envelope)
    assert fetcher.calls == [CERT_URL]


# --------------------------------------------------------------------------- defaults


def test_default_trust_roots_load() -> None:
    roots = load_default_trust_roots()
    assert len(roots) > 10


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.end_headers()
            return
        payload = b"x" * (128 * 1024) if self.path == "/big" else b"small chain"
        self.send_response(200)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def loopback_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    # A proxy from the environment would otherwise intercept even loopback requests.
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_default_fetcher_reads_small_payload(loopback_server: str) -> None:
    assert default_fetcher(f"{loopback_server}/chain") == b"small chain"


def test_default_fetcher_caps_size(loopback_server: str) -> None:
    with pytest.raises(ValueError, match="too large"):
        default_fetcher(f"{loopback_server}/big")


def test_default_fetcher_refuses_redirects(loopback_server: str) -> None:
    with pytest.raises(OSError, match="redirect"):
        default_fetcher(f"{loopback_server}/redirect")


class BlockingFetcher:
    """Downloads that hang until released; counts them."""

    def __init__(self, pem: bytes) -> None:
        self.pem = pem
        self.calls: list[str] = []
        self.started = threading.Semaphore(0)
        self.release = threading.Event()

    def __call__(self, url: str) -> bytes:
        self.calls.append(url)
        self.started.release()
        assert self.release.wait(timeout=30)
        return self.pem


def test_concurrent_requests_share_one_download() -> None:
    leaf, pem = good_chain()
    fetcher = BlockingFetcher(pem)
    verifier = SignatureVerifier(fetcher=fetcher, trust_roots=[root_ca().cert], clock=FakeClock())
    errors: list[BaseException] = []

    def request() -> None:
        try:
            verifier.verify(signed_headers(leaf.key, BODY), BODY, {})
        except BaseException as error:  # collected: a thread's failure must fail the test
            errors.append(error)

    threads = [threading.Thread(target=request) for _ in range(6)]
    for thread in threads:
        thread.start()
    assert fetcher.started.acquire(timeout=10)
    fetcher.release.set()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert fetcher.calls == [CERT_URL]


def test_many_new_urls_at_once_are_refused_without_holding_a_worker() -> None:
    leaf, pem = good_chain()
    fetcher = BlockingFetcher(pem)
    verifier = SignatureVerifier(fetcher=fetcher, trust_roots=[root_ca().cert], clock=FakeClock())
    urls = [f"https://s3.amazonaws.com/echo.api/new-{n}.pem" for n in range(5)]

    def request(url: str) -> None:
        headers = {**signed_headers(leaf.key, BODY), "SignatureCertChainUrl": url}
        with contextlib.suppress(VerificationError):
            verifier.verify(headers, BODY, {})

    threads = [threading.Thread(target=request, args=(url,)) for url in urls[:4]]
    for thread in threads:
        thread.start()
    for _ in threads:
        assert fetcher.started.acquire(timeout=10)
    headers = {**signed_headers(leaf.key, BODY), "SignatureCertChainUrl": urls[4]}
    with pytest.raises(VerificationError, match="too many"):
        verifier.verify(headers, BODY, {})
    fetcher.release.set()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(fetcher.calls) == sorted(urls[:4])
