"""Decide whether an incoming HTTP request really comes from Alexa for this skill.

Implements Alexa's rules for skills hosted as web services (certificate URL, certificate chain,
request signature, timestamp freshness, application id) on top of the ``cryptography`` package,
because ``ask-sdk-webservice-support`` depends on ``oscrypto``, which fails to import on
OpenSSL >= 3.0.10.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import logging
import os
import posixpath
import threading
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509 import DNSName
from cryptography.x509.verification import PolicyBuilder, Store
from cryptography.x509.verification import VerificationError as X509VerificationError

__all__ = [
    "ALEXA_CERT_SAN",
    "DEFAULT_TIMESTAMP_TOLERANCE",
    "SKILL_EVENT_TIMESTAMP_TOLERANCE",
    "ApplicationIdVerifier",
    "CertFetcher",
    "Clock",
    "RequestVerifier",
    "SignatureVerifier",
    "TimestampVerifier",
    "VerificationError",
    "build_verifiers",
    "default_fetcher",
    "load_default_trust_roots",
    "utc_now",
    "validate_cert_url",
]

_log = logging.getLogger("release_coach.web.verifier")

ALEXA_CERT_SAN: Final = "echo-api.amazon.com"
CERT_URL_HEADER: Final = "SignatureCertChainUrl"
SIGNATURE_HEADER: Final = "Signature-256"

_CERT_HOST: Final = "s3.amazonaws.com"
_CERT_PATH_PREFIX: Final = "/echo.api/"
_CERT_PORT: Final = 443

DEFAULT_TIMESTAMP_TOLERANCE: Final = dt.timedelta(seconds=150)
# Alexa delivers skill events (enable/disable, permission changes) late, so it documents a
# one-hour window for them instead of the usual 150 s.
SKILL_EVENT_TIMESTAMP_TOLERANCE: Final = dt.timedelta(seconds=3600)
_SKILL_EVENT_PREFIX: Final = "AlexaSkillEvent."

_FETCH_TIMEOUT_SECONDS: Final = 3.0
# A real Alexa chain is a few KiB; the cap stops a hostile or broken endpoint from making us
# buffer an arbitrary amount of data.
_MAX_CHAIN_BYTES: Final = 64 * 1024
_MAX_CACHE_AGE: Final = dt.timedelta(hours=1)
# Bounded so that requests naming many distinct (valid-looking) URLs cannot grow memory forever.
_MAX_CACHE_ENTRIES: Final = 32
# A URL whose chain could not be fetched or trusted is refused without another download for
# this long: requests naming it again must not each cost an outbound fetch and a worker.
_FAILED_URL_TTL: Final = dt.timedelta(seconds=60)
_MAX_FAILED_ENTRIES: Final = 256
# Downloads of different URLs in flight at once; beyond this a request naming yet another new
# URL is refused at once instead of holding a worker. Alexa uses one URL at a time.
_MAX_CONCURRENT_DOWNLOADS: Final = 4

_SYSTEM_CA_BUNDLE: Final = "/etc/ssl/certs/ca-certificates.crt"

Clock = Callable[[], dt.datetime]
CertFetcher = Callable[[str], bytes]


def utc_now() -> dt.datetime:
    """Return the current time as an aware UTC datetime (the default clock)."""
    return dt.datetime.now(dt.UTC)


class VerificationError(Exception):
    """A request failed verification; ``reason`` is short and safe to return to the caller."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RequestVerifier(Protocol):
    """One verification rule applied to a request before the skill sees it."""

    def verify(
        self, headers: Mapping[str, str], raw_body: bytes, envelope: Mapping[str, Any]
    ) -> None:
        """Return normally if the request passes, else raise :class:`VerificationError`."""
        ...


def _header(headers: Mapping[str, str], name: str) -> str | None:
    # HTTP header names are case-insensitive, but callers may hand us a plain dict.
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def _as_mapping(value: object) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


# --------------------------------------------------------------------------- certificate URL


def validate_cert_url(url: str) -> None:
    """Raise :class:`VerificationError` unless ``url`` is an allowed Alexa certificate URL."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise VerificationError("certificate URL is malformed") from exc
    if parts.scheme.lower() != "https":
        raise VerificationError("certificate URL must use https")
    if (parts.hostname or "").lower() != _CERT_HOST:
        raise VerificationError("certificate URL has the wrong host")
    if parts.username is not None or parts.password is not None:
        raise VerificationError("certificate URL must not carry credentials")
    if port is not None and port != _CERT_PORT:
        raise VerificationError("certificate URL has the wrong port")
    # Percent-decoding before normalising means "%2e%2e" cannot smuggle a parent reference
    # past the prefix check.
    path = posixpath.normpath(urllib.parse.unquote(parts.path))
    if not path.startswith(_CERT_PATH_PREFIX):
        raise VerificationError("certificate URL has the wrong path")


# --------------------------------------------------------------------------- fetching


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect could lead to a host the URL check never saw, so refuse to follow any.
    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> None:
        raise urllib.error.HTTPError(newurl, code, "redirects are not allowed", headers, fp)


def default_fetcher(url: str) -> bytes:
    """Download ``url`` with a short timeout, no redirects, and a size cap."""
    opener = urllib.request.build_opener(_NoRedirect())
    with opener.open(url, timeout=_FETCH_TIMEOUT_SECONDS) as response:
        data: bytes = response.read(_MAX_CHAIN_BYTES + 1)
    if len(data) > _MAX_CHAIN_BYTES:
        raise ValueError("certificate chain is too large")
    return data


# --------------------------------------------------------------------------- trust roots


def _load_pem_bundle(data: bytes) -> list[x509.Certificate]:
    marker = b"-----END CERTIFICATE-----"
    certs: list[x509.Certificate] = []
    for block in data.split(marker):
        if b"-----BEGIN CERTIFICATE-----" not in block:
            continue
        try:
            with warnings.catch_warnings():
                # Some distribution roots have non-positive serials; cryptography warns about
                # each one on every load, which is noise we cannot act on.
                warnings.simplefilter("ignore", CryptographyDeprecationWarning)
                certs.append(x509.load_pem_x509_certificate(block + marker))
        except ValueError:
            # System bundles occasionally hold certificates that strict parsers reject; one bad
            # entry must not take the whole trust store down with it.
            continue
    return certs


def _certifi_bundle() -> str | None:
    try:
        import certifi
    except ImportError:
        return None
    return str(certifi.where())


def load_default_trust_roots() -> list[x509.Certificate]:
    """Load the system CA bundle, falling back to certifi's bundle if there is none."""
    path = _SYSTEM_CA_BUNDLE if os.path.exists(_SYSTEM_CA_BUNDLE) else _certifi_bundle()
    if path is None:
        raise RuntimeError("no CA bundle found; pass trust_roots explicitly")
    with open(path, "rb") as handle:
        roots = _load_pem_bundle(handle.read())
    if not roots:
        raise RuntimeError(f"CA bundle {path} holds no usable certificates")
    return roots


# --------------------------------------------------------------------------- signature


@dataclass(frozen=True)
class _CachedChain:
    public_key: rsa.RSAPublicKey
    not_valid_before: dt.datetime
    not_valid_after: dt.datetime
    expires_at: dt.datetime


def _has_alexa_san(cert: x509.Certificate) -> bool:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return False
    return ALEXA_CERT_SAN in san.value.get_values_for_type(x509.DNSName)


class SignatureVerifier:
    """Checks the certificate URL, the certificate chain, and the ``Signature-256`` header."""

    def __init__(
        self,
        *,
        fetcher: CertFetcher = default_fetcher,
        trust_roots: Sequence[x509.Certificate] | None = None,
        clock: Clock = utc_now,
        max_cache_age: dt.timedelta = _MAX_CACHE_AGE,
    ) -> None:
        self._fetcher = fetcher
        self._trust_roots: list[x509.Certificate] | None = (
            list(trust_roots) if trust_roots is not None else None
        )
        self._store: Store | None = None
        self._clock = clock
        self._max_cache_age = max_cache_age
        self._cache: dict[str, _CachedChain] = {}
        self._failed: dict[str, tuple[dt.datetime, str]] = {}
        self._downloading: dict[str, threading.Event] = {}
        self._lock = threading.Lock()

    def verify(
        self, headers: Mapping[str, str], raw_body: bytes, envelope: Mapping[str, Any]
    ) -> None:
        cert_url = _header(headers, CERT_URL_HEADER)
        if not cert_url:
            raise VerificationError("missing SignatureCertChainUrl header")
        signature_b64 = _header(headers, SIGNATURE_HEADER)
        if not signature_b64:
            raise VerificationError("missing Signature-256 header")
        try:
            signature = base64.b64decode(signature_b64.strip(), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise VerificationError("signature is not valid base64") from exc

        validate_cert_url(cert_url)
        public_key = self._public_key_for(cert_url)
        try:
            public_key.verify(signature, raw_body, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature as exc:
            raise VerificationError("request signature does not match") from exc

    def _get_store(self) -> Store:
        # Loaded lazily so that building the verifier (e.g. at import or in tests) never touches
        # the filesystem unless a request actually needs the trust store.
        with self._lock:
            if self._store is None:
                roots = self._trust_roots
                if roots is None:
                    roots = load_default_trust_roots()
                self._store = Store(roots)
            return self._store

    def _public_key_for(self, url: str) -> rsa.RSAPublicKey:
        now = self._clock()
        with self._lock:
            cached = self._cache.get(url)
            if cached is not None and now >= cached.expires_at:
                del self._cache[url]
                cached = None
        if cached is not None:
            # The expiry never exceeds not_valid_after, but a clock running backwards could put
            # us before not_valid_before, so keep checking the window on every hit.
            if not cached.not_valid_before <= now <= cached.not_valid_after:
                raise VerificationError("signing certificate is not currently valid")
            return cached.public_key

        with self._lock:
            failed = self._failed.get(url)
            if failed is not None and now < failed[0]:
                raise VerificationError(failed[1])
            done = self._downloading.get(url)
            if done is None:
                if len(self._downloading) >= _MAX_CONCURRENT_DOWNLOADS:
                    raise VerificationError("too many certificate downloads in progress")
                done = self._downloading[url] = threading.Event()
                leader = True
            else:
                leader = False
        if not leader:
            # Someone is already downloading this chain: one download serves every request.
            done.wait(timeout=_FETCH_TIMEOUT_SECONDS + 1)
            return self._settled_key(url)
        try:
            entry = self._load_chain(url, now)
        except VerificationError as exc:
            with self._lock:
                if len(self._failed) >= _MAX_FAILED_ENTRIES:
                    del self._failed[min(self._failed, key=lambda key: self._failed[key][0])]
                self._failed[url] = (now + _FAILED_URL_TTL, exc.reason)
            raise
        else:
            with self._lock:
                self._failed.pop(url, None)
                if len(self._cache) >= _MAX_CACHE_ENTRIES:
                    oldest = min(self._cache, key=lambda key: self._cache[key].expires_at)
                    del self._cache[oldest]
                self._cache[url] = entry
            return entry.public_key
        finally:
            # After the outcome is recorded, so that those waiting find it.
            with self._lock:
                self._downloading.pop(url, None)
            done.set()

    def _settled_key(self, url: str) -> rsa.RSAPublicKey:
        """What another request's download of ``url`` came to."""
        with self._lock:
            cached = self._cache.get(url)
            failed = self._failed.get(url)
        if cached is not None:
            return cached.public_key
        if failed is not None:
            raise VerificationError(failed[1])
        raise VerificationError("could not download certificate chain")

    def _load_chain(self, url: str, now: dt.datetime) -> _CachedChain:
        try:
            pem = self._fetcher(url)
        except Exception as exc:
            # The reason is deliberately vague: the fetch error text can include remote content.
            _log.warning("certificate chain download failed: %s", type(exc).__name__)
            raise VerificationError("could not download certificate chain") from exc
        try:
            chain = x509.load_pem_x509_certificates(pem)
        except ValueError as exc:
            raise VerificationError("certificate chain is not valid PEM") from exc
        if not chain:
            raise VerificationError("certificate chain is empty")
        leaf, intermediates = chain[0], chain[1:]

        not_before = leaf.not_valid_before_utc
        not_after = leaf.not_valid_after_utc
        if now < not_before:
            raise VerificationError("signing certificate is not yet valid")
        if now > not_after:
            raise VerificationError("signing certificate has expired")
        if not _has_alexa_san(leaf):
            raise VerificationError(f"signing certificate is not issued to {ALEXA_CERT_SAN}")

        verifier = (
            PolicyBuilder()
            .store(self._get_store())
            .time(now)
            .build_server_verifier(DNSName(ALEXA_CERT_SAN))
        )
        try:
            verifier.verify(leaf, intermediates)
        except X509VerificationError as exc:
            _log.warning("certificate chain rejected: %s", exc)
            raise VerificationError("certificate chain is not trusted") from exc

        public_key = leaf.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise VerificationError("signing certificate does not hold an RSA key")
        return _CachedChain(
            public_key=public_key,
            not_valid_before=not_before,
            not_valid_after=not_after,
            expires_at=min(not_after, now + self._max_cache_age),
        )


# --------------------------------------------------------------------------- timestamp


def _parse_timestamp(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        # Alexa always sends UTC; a missing offset is read as UTC rather than local time.
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


class TimestampVerifier:
    """Rejects requests whose ``request.timestamp`` is too far from now (replay protection)."""

    def __init__(
        self,
        *,
        clock: Clock = utc_now,
        tolerance: dt.timedelta = DEFAULT_TIMESTAMP_TOLERANCE,
        skill_event_tolerance: dt.timedelta = SKILL_EVENT_TIMESTAMP_TOLERANCE,
    ) -> None:
        self._clock = clock
        self._tolerance = tolerance
        self._skill_event_tolerance = skill_event_tolerance

    def verify(
        self, headers: Mapping[str, str], raw_body: bytes, envelope: Mapping[str, Any]
    ) -> None:
        request = _as_mapping(envelope.get("request"))
        if request is None:
            raise VerificationError("request is missing")
        raw_timestamp = request.get("timestamp")
        if not isinstance(raw_timestamp, str):
            raise VerificationError("request timestamp is missing")
        try:
            timestamp = _parse_timestamp(raw_timestamp)
        except ValueError as exc:
            raise VerificationError("request timestamp is malformed") from exc

        request_type = request.get("type")
        tolerance = (
            self._skill_event_tolerance
            if isinstance(request_type, str) and request_type.startswith(_SKILL_EVENT_PREFIX)
            else self._tolerance
        )
        if abs(self._clock() - timestamp) > tolerance:
            raise VerificationError("request timestamp is outside the allowed window")


# --------------------------------------------------------------------------- application id


def _application_id(envelope: Mapping[str, Any]) -> str | None:
    context = _as_mapping(envelope.get("context"))
    system = _as_mapping(context.get("System")) if context is not None else None
    application = _as_mapping(system.get("application")) if system is not None else None
    if application is None:
        session = _as_mapping(envelope.get("session"))
        application = _as_mapping(session.get("application")) if session is not None else None
    if application is None:
        return None
    app_id = application.get("applicationId")
    return app_id if isinstance(app_id, str) else None


class ApplicationIdVerifier:
    """Rejects requests addressed to a different skill than the configured one."""

    def __init__(self, skill_id: str) -> None:
        if not skill_id:
            raise ValueError("skill_id must be non-empty")
        self._skill_id = skill_id

    def verify(
        self, headers: Mapping[str, str], raw_body: bytes, envelope: Mapping[str, Any]
    ) -> None:
        app_id = _application_id(envelope)
        if app_id is None:
            raise VerificationError("application id is missing")
        if app_id != self._skill_id:
            raise VerificationError("application id does not match this skill")


# --------------------------------------------------------------------------- assembly


def build_verifiers(
    skill_id: str | None,
    *,
    insecure_dev: bool,
    fetcher: CertFetcher = default_fetcher,
    trust_roots: Sequence[x509.Certificate] | None = None,
    clock: Clock = utc_now,
) -> list[RequestVerifier]:
    """Return the verifiers to run on every request, cheapest first.

    The timestamp and the application id are checked before the signature, and the
    signature verifier checks the certificate URL's scheme, host and path before it
    downloads anything: a request that fails a cheap check never costs an outbound fetch.
    ``insecure_dev`` drops only the signature and timestamp checks, so local testing with
    hand-made requests works; the application-id check stays whenever ``skill_id`` is given.
    """
    verifiers: list[RequestVerifier] = []
    if not insecure_dev:
        verifiers.append(TimestampVerifier(clock=clock))
    if skill_id:
        verifiers.append(ApplicationIdVerifier(skill_id))
    if not insecure_dev:
        verifiers.append(SignatureVerifier(fetcher=fetcher, trust_roots=trust_roots, clock=clock))
    return verifiers
