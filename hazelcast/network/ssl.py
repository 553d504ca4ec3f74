"""TLS/SSL for member connections (manual sections 5.7 and 6.1).

:func:`create_ssl_context` turns an :class:`~hazelcast.config.SSLConfig` into
an :class:`ssl.SSLContext`; :func:`ssl_wrapper` gives the callable the
connections use to wrap a freshly connected socket. Every problem with the
configuration (a missing file, a wrong key password, a cipher string OpenSSL
does not understand, a protocol version this OpenSSL does not offer) is
reported here, when the client starts, as a
:class:`~hazelcast.errors.ConfigurationError` naming the setting.
Problems that only the handshake reveals (an untrusted or expired member
certificate, a protocol the member refuses) are
:class:`~hazelcast.errors.HazelcastSSLError` from the connection.
"""
import os
import socket
import ssl
import warnings
from typing import Any, Callable, NoReturn, Optional, Union

from hazelcast.config import PROTOCOL, PROTOCOL_ALIASES, SSLConfig
from hazelcast.errors import ConfigurationError, HazelcastSSLError

__all__ = ["create_ssl_context", "ssl_wrapper", "describe_ssl_error", "PROTOCOL_NAMES"]

PROTOCOL_NAMES = {
    PROTOCOL.SSLv2: "SSLv2",
    PROTOCOL.SSLv3: "SSLv3",
    PROTOCOL.TLSv1: "TLSv1",
    PROTOCOL.TLSv1_1: "TLSv1_1",
    PROTOCOL.TLSv1_2: "TLSv1_2",
    PROTOCOL.TLSv1_3: "TLSv1_3",
}

# PROTOCOL value -> (ssl.TLSVersion member name, ssl.HAS_* flag name)
_VERSIONS = {
    PROTOCOL.SSLv3: ("SSLv3", "HAS_SSLv3"),
    PROTOCOL.TLSv1: ("TLSv1", "HAS_TLSv1"),
    PROTOCOL.TLSv1_1: ("TLSv1_1", "HAS_TLSv1_1"),
    PROTOCOL.TLSv1_2: ("TLSv1_2", "HAS_TLSv1_2"),
    PROTOCOL.TLSv1_3: ("TLSv1_3", "HAS_TLSv1_3"),
}

Wrapper = Callable[[socket.socket, str], ssl.SSLSocket]


def _offered_protocols() -> str:
    return ", ".join("PROTOCOL.%s" % PROTOCOL_NAMES[p] for p, (_, flag) in sorted(_VERSIONS.items())
                     if getattr(ssl, flag, False) and _accepts(p))


def _accepts(protocol: int) -> bool:
    """Can this OpenSSL (with its configured security level) start a handshake pinned to ``protocol``?"""
    try:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with warnings.catch_warnings():  # only asking: no deprecation warning for TLSv1/TLSv1_1
            warnings.simplefilter("ignore", DeprecationWarning)
            _pin(context, protocol)
        _probe(context)
        return True
    except (ssl.SSLError, ValueError):
        return False


def _pin(context: ssl.SSLContext, protocol: int) -> None:
    version = getattr(ssl.TLSVersion, _VERSIONS[protocol][0])
    # Lower the maximum first: the minimum may not exceed it on every OpenSSL.
    context.maximum_version = version
    context.minimum_version = version


def _probe(context: ssl.SSLContext) -> None:
    """Write a ClientHello into memory: raises ``ssl.SSLError`` when OpenSSL has no
    protocol (or no cipher) left to offer, without touching the network."""
    obj = context.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname="localhost")
    try:
        obj.do_handshake()
    except ssl.SSLWantReadError:
        pass  # ClientHello written, waiting for the server: the settings are usable


def _fail(setting: str, problem: str, accepted: str, cause: Optional[BaseException] = None) -> ConfigurationError:
    error = ConfigurationError("SSLConfig.%s: %s; accepted: %s" % (setting, problem, accepted), cause)
    return error


def _check_file(setting: str, path: str) -> None:
    if not os.path.isfile(path):
        raise _fail(setting, "no such file %r" % path, "the path of a readable PEM file")


class _NoPassword(Exception):
    pass


def _password_source(password: Any) -> Union[Any, Callable[[], NoReturn]]:
    """What ``load_cert_chain`` gets: without a configured password, a function that
    stops OpenSSL from prompting for one on the terminal."""
    if password is not None:
        return password

    def missing() -> NoReturn:
        raise _NoPassword()
    return missing


def create_ssl_context(config: SSLConfig) -> ssl.SSLContext:
    """An SSLContext for client connections to members, built from ``config``.

    The member certificate is always verified against ``cafile`` (or the
    system's default CAs); its host name only when ``check_hostname``.
    The protocol is pinned to exactly ``config.protocol``.
    """
    protocol = PROTOCOL_ALIASES.get(config.protocol, config.protocol)
    name = PROTOCOL_NAMES.get(protocol, str(protocol))
    if protocol not in _VERSIONS or not getattr(ssl, _VERSIONS[protocol][1], False):
        raise _fail("protocol", "PROTOCOL.%s is not offered by this Python's %s"
                    % (name, ssl.OPENSSL_VERSION), _offered_protocols())
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        _pin(context, protocol)
    except (ValueError, ssl.SSLError) as e:
        raise _fail("protocol", "PROTOCOL.%s cannot be selected with %s (%s)"
                    % (name, ssl.OPENSSL_VERSION, e), _offered_protocols(), e) from e
    context.check_hostname = bool(config.check_hostname)
    context.verify_mode = ssl.CERT_REQUIRED

    if config.cafile:
        _check_file("cafile", config.cafile)
        try:
            context.load_verify_locations(cafile=config.cafile)
        except (ssl.SSLError, OSError) as e:
            raise _fail("cafile", "cannot load CA certificates from %r (%s)" % (config.cafile, e),
                        "a PEM file of one or more CA certificates", e) from e
    else:
        context.load_default_certs(ssl.Purpose.SERVER_AUTH)

    if config.certfile:
        _check_file("certfile", config.certfile)
        if config.keyfile:
            _check_file("keyfile", config.keyfile)
        try:
            context.load_cert_chain(config.certfile, config.keyfile, _password_source(config.password))
        except _NoPassword:
            raise _fail("password", "the private key in %r is encrypted but no password is set"
                        % (config.keyfile or config.certfile), "the key's password as a str, bytes, "
                        "bytearray or a function returning one") from None
        except ssl.SSLError as e:
            key = config.keyfile or config.certfile
            problem = ("cannot load the client certificate %r with the private key %r (%s): the key "
                       "is unreadable, encrypted with another password, or does not match the "
                       "certificate" % (config.certfile, key, e))
            raise _fail("certfile/keyfile/password", problem, "PEM files of a certificate and its "
                        "private key; for an encrypted key, its password as str, bytes or a function "
                        "returning one", e) from e
        except Exception as e:  # the password function raised, or returned a wrong type
            raise _fail("password", "could not get the private key password (%s: %s)"
                        % (type(e).__name__, e), "a str, bytes, bytearray or a function with no "
                        "arguments returning one", e) from e
    elif config.keyfile:
        raise _fail("keyfile", "set without certfile", "keyfile together with certfile (the "
                    "client certificate it belongs to)")

    if config.ciphers:
        try:
            context.set_ciphers(config.ciphers)
        except ssl.SSLError as e:
            raise _fail("ciphers", "OpenSSL accepts none of %r (%s)" % (config.ciphers, _reason(e)),
                        'an OpenSSL cipher list such as "ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-SHA" '
                        "(see `openssl ciphers -v`)", e) from e
    try:
        _probe(context)
    except ssl.SSLError as e:
        raise _fail("protocol" if not config.ciphers else "protocol/ciphers",
                    "%s cannot start a handshake with PROTOCOL.%s%s (%s)"
                    % (ssl.OPENSSL_VERSION, name,
                       " and ciphers %r" % config.ciphers if config.ciphers else "", e.reason or e),
                    "protocols this OpenSSL offers: %s" % _offered_protocols(), e) from e
    return context


def ssl_wrapper(config: SSLConfig) -> Optional[Wrapper]:
    """``wrap(sock, server_hostname)`` for the connections, or None when TLS is disabled.

    The returned socket is non-blocking and not yet handshaken
    (``do_handshake_on_connect=False``): the connection drives the handshake.
    """
    if not config.enabled:
        return None
    context = create_ssl_context(config)

    def wrap(sock: socket.socket, server_hostname: str) -> ssl.SSLSocket:
        return context.wrap_socket(sock, server_side=False, do_handshake_on_connect=False,
                                   server_hostname=server_hostname)

    wrap.context = context  # type: ignore[attr-defined]
    return wrap


def _reason(error: BaseException) -> str:
    if isinstance(error, ssl.SSLError) and error.args and isinstance(error.args[0], str):
        return error.args[0]
    return str(error)


def describe_ssl_error(error: BaseException, host: str, port: int,
                       during_handshake: bool) -> HazelcastSSLError:
    """A :class:`HazelcastSSLError` saying what went wrong with ``host:port`` and what to check."""
    reason = getattr(error, "verify_message", None) or getattr(error, "reason", None) or str(error)
    text = str(error)
    hint = ""
    upper = text.upper()
    if isinstance(error, ssl.SSLCertVerificationError):
        if "expired" in text:
            hint = "the member's certificate has expired"
        elif "hostname" in text.lower() or "IP address mismatch" in text:
            hint = ("the member's certificate does not name %s (SSLConfig.check_hostname is on)" % host)
        else:
            hint = ("the member's certificate is not signed by a CA the client trusts: "
                    "SSLConfig.cafile, or the system's CAs when it is not set")
    elif "WRONG_VERSION_NUMBER" in upper or "UNSUPPORTED_PROTOCOL" in upper or "PROTOCOL_VERSION" in upper \
            or "NO_PROTOCOLS_AVAILABLE" in upper or "VERSION_TOO_LOW" in upper or "VERSION_TOO_HIGH" in upper:
        hint = ("the member does not accept the protocol version in SSLConfig.protocol (both sides "
                "must allow the same version), or it does not speak TLS at all")
    elif "CERTIFICATE_REQUIRED" in upper or "BAD_CERTIFICATE" in upper or "UNKNOWN_CA" in upper \
            or "HANDSHAKE_FAILURE" in upper or "CERTIFICATE_UNKNOWN" in upper:
        hint = ("the member rejected the handshake: it may require a client certificate it trusts "
                "(SSLConfig.certfile/keyfile, mutual authentication) or a cipher in SSLConfig.ciphers")
    elif isinstance(error, (ssl.SSLEOFError, ConnectionError)) or "EOF" in upper:
        hint = ("the member closed the connection during the handshake: does it speak TLS on "
                "this port, and accept this client?")
    where = "during the TLS handshake" if during_handshake else "on the TLS connection"
    message = "TLS error with %s:%d %s: %s" % (host, port, where, reason)
    if hint:
        message += " (%s)" % hint
    return HazelcastSSLError(message, error)
