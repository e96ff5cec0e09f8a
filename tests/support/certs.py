"""Build throwaway PKIs and signed Alexa-style requests for the web verification tests."""

from __future__ import annotations

import base64
import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

# A fixed "now" keeps every test independent of the real clock; certificates are built around it.
NOW: Final = dt.datetime(2026, 1, 15, 12, 0, 0, tzinfo=dt.UTC)
ALEXA_SAN: Final = "echo-api.amazon.com"
CERT_URL: Final = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"


@dataclass(frozen=True)
class Issued:
    """A certificate together with the private key that belongs to it."""

    cert: x509.Certificate
    key: rsa.RSAPrivateKey


@functools.cache
def rsa_key(label: str) -> rsa.RSAPrivateKey:
    """Return a 2048-bit key, generated once per label because RSA generation is slow."""
    del label  # only the cache key
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _ski(key: rsa.RSAPrivateKey) -> x509.SubjectKeyIdentifier:
    return x509.SubjectKeyIdentifier.from_public_key(key.public_key())


def _ca_builder(
    subject: str, key: rsa.RSAPrivateKey, issuer: Issued | None
) -> x509.CertificateBuilder:
    issuer_name = issuer.cert.subject if issuer is not None else _name(subject)
    issuer_key = issuer.key if issuer is not None else key
    return (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=365))
        .not_valid_after(NOW + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(_ski(key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )


@functools.cache
def root_ca(label: str = "trusted") -> Issued:
    """Return a self-signed root CA; different labels give unrelated roots."""
    key = rsa_key(f"root-{label}")
    cert = _ca_builder(f"Test Root CA ({label})", key, None).sign(key, hashes.SHA256())
    return Issued(cert, key)


@functools.cache
def intermediate_ca(root_label: str = "trusted") -> Issued:
    """Return an intermediate CA issued by ``root_ca(root_label)``."""
    root = root_ca(root_label)
    key = rsa_key(f"intermediate-{root_label}")
    cert = _ca_builder(f"Test Intermediate CA ({root_label})", key, root).sign(
        root.key, hashes.SHA256()
    )
    return Issued(cert, key)


def leaf_cert(
    issuer: Issued,
    *,
    sans: Sequence[str] | None = (ALEXA_SAN,),
    not_before: dt.datetime = NOW - dt.timedelta(days=30),
    not_after: dt.datetime = NOW + dt.timedelta(days=300),
    key_label: str = "leaf",
) -> Issued:
    """Return an end-entity certificate; ``sans=None`` leaves the SAN extension out entirely."""
    key = rsa_key(key_label)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(ALEXA_SAN))
        .issuer_name(issuer.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        .add_extension(_ski(key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
    )
    if sans is not None:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(name) for name in sans]), critical=False
        )
    return Issued(builder.sign(issuer.key, hashes.SHA256()), key)


def chain_pem(*certs: x509.Certificate) -> bytes:
    """Concatenate certificates as PEM, leaf first, the way Alexa serves its chain."""
    return b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in certs)


def good_chain() -> tuple[Issued, bytes]:
    """Return a valid Alexa-like leaf and its PEM chain (leaf + intermediate)."""
    intermediate = intermediate_ca()
    leaf = leaf_cert(intermediate)
    return leaf, chain_pem(leaf.cert, intermediate.cert)


def sign_body(key: rsa.RSAPrivateKey, body: bytes) -> str:
    """Return the base64 ``Signature-256`` header value for ``body``."""
    signature = key.sign(body, padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(signature).decode("ascii")


def signed_headers(
    key: rsa.RSAPrivateKey, body: bytes, cert_url: str = CERT_URL
) -> dict[str, str]:
    """Return the headers Alexa would send with ``body``."""
    return {"SignatureCertChainUrl": cert_url, "Signature-256": sign_body(key, body)}


@dataclass
class FakeFetcher:
    """Serves canned PEM chains by URL and counts downloads instead of touching the network."""

    chains: Mapping[str, bytes]
    calls: list[str] = field(default_factory=list)

    def __call__(self, url: str) -> bytes:
        self.calls.append(url)
        try:
            return self.chains[url]
        except KeyError:
            raise OSError(f"no canned chain for {url}") from None


@dataclass
class FakeClock:
    """A clock the test moves by hand."""

    now: dt.datetime = NOW

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)
