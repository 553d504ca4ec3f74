"""Hazelcast Cloud discovery (manual section 5.8).

The client asks the cloud coordinator for the cluster's members::

    GET {hazelcast.client.cloud.url}/cluster/discovery?token=<discovery token>

and gets a JSON array of ``{"private-address": "...", "public-address":
"host:port"}`` objects (a private address without a port takes the public
address's port). Members know each other, and tell the client, by their
private addresses; the client reaches them at the public ones. So:

* the addresses to connect to (the cluster's address provider) are the
  private addresses, fetched anew on every (re)connect;
* every connect goes through :meth:`HazelcastCloudDiscovery.translate`,
  private -> public, which fetches the list again when an address is unknown
  (a member that joined since the last fetch).

The request uses HTTPS with the system's CA certificates plus
``SSLConfig.cafile`` when TLS is enabled, and the host name is checked.
"""
import json
import logging
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING, Callable, Dict, List, Optional

from hazelcast.errors import HazelcastError, HazelcastSSLError
from hazelcast.network.address import Endpoint, parse_address

if TYPE_CHECKING:
    from hazelcast.config import ClientConfig, ClientProperties

_logger = logging.getLogger("HazelcastClient.CloudDiscovery")

CLOUD_URL_PATH = "/cluster/discovery?token="
PRIVATE_ADDRESS = "private-address"
PUBLIC_ADDRESS = "public-address"



class CloudDiscoveryError(HazelcastError):
    """The cloud coordinator could not be asked, or its answer was not understood."""


def discovery_url(url_base: str, token: str) -> str:
    """The coordinator URL for ``token`` under ``url_base`` (property ``hazelcast.client.cloud.url``)."""
    return url_base.rstrip("/") + CLOUD_URL_PATH + urllib.parse.quote(token, safe="")


def parse_response(text: str) -> Dict[Endpoint, Endpoint]:
    """``{private endpoint: public endpoint}`` from the coordinator's JSON answer."""
    try:
        entries = json.loads(text)
    except ValueError as e:
        raise CloudDiscoveryError("cloud discovery answered with invalid JSON (%s): %.200r" % (e, text)) from None
    if not isinstance(entries, list):
        raise CloudDiscoveryError("cloud discovery answered %.200r; expected a JSON array of "
                                  '{"private-address": ..., "public-address": ...}' % (text,))
    table: Dict[Endpoint, Endpoint] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get(PRIVATE_ADDRESS), str) \
                or not isinstance(entry.get(PUBLIC_ADDRESS), str):
            raise CloudDiscoveryError('cloud discovery entry %.200r lacks a string "%s" or "%s"'
                                      % (entry, PRIVATE_ADDRESS, PUBLIC_ADDRESS))
        try:
            public = parse_address(entry[PUBLIC_ADDRESS])[0]
            private_candidates = parse_address(entry[PRIVATE_ADDRESS])
        except HazelcastError as e:
            raise CloudDiscoveryError("cloud discovery entry %.200r: %s" % (entry, e)) from None
        # No port in the private address: it listens on the public address's port.
        private = private_candidates[0] if len(private_candidates) == 1 else (private_candidates[0][0], public[1])
        table[private] = public
    return table


def _context_for(cafile: Optional[str]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    if cafile:
        context.load_verify_locations(cafile=cafile)
    return context


class HazelcastCloudDiscovery:
    """The private -> public address table of a cloud cluster, and its refreshing.

    ``can_block()`` tells :meth:`translate` whether the calling thread may wait
    for an HTTP request; when it may not (the I/O thread), an unknown address
    starts a refresh in the background and fails this one connect.
    """

    def __init__(self, url_base: str, token: str, timeout: float, cafile: Optional[str] = None,
                 can_block: Callable[[], bool] = lambda: True):
        self.url = discovery_url(url_base, token)
        self._timeout = timeout if timeout > 0 else 120.0
        self._context = _context_for(cafile) if self.url.lower().startswith("https:") else None
        self._can_block = can_block
        self._lock = threading.Lock()
        self._table: Dict[Endpoint, Endpoint] = {}
        self._refreshing = False
        self.last_error: Optional[BaseException] = None
        self.last_refresh = 0.0

    def _redacted_url(self) -> str:
        return self.url.split("?", 1)[0] + "?token=***"

    def discover_nodes(self) -> Dict[Endpoint, Endpoint]:
        """Ask the coordinator (blocking, at most the connection timeout)."""
        request = urllib.request.Request(self.url, headers={"Accept-Charset": "UTF-8"}, method="GET")
        where = self._redacted_url()
        try:
            with urllib.request.urlopen(request, timeout=self._timeout, context=self._context) as response:
                body = response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip() if e.fp is not None else ""
            raise CloudDiscoveryError("cloud discovery at %s answered HTTP %d %s%s" % (
                where, e.code, e.reason, (": " + detail[:300]) if detail else "")) from None
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, ssl.SSLError):
                raise HazelcastSSLError("cloud discovery at %s: TLS error: %s (the coordinator's "
                                        "certificate must be trusted by the system CAs or "
                                        "SSLConfig.cafile)" % (where, reason), reason) from None
            raise CloudDiscoveryError("cloud discovery at %s failed: %s" % (where, reason), e) from None
        except ssl.SSLError as e:
            raise HazelcastSSLError("cloud discovery at %s: TLS error: %s" % (where, e), e) from None
        except OSError as e:  # timeouts, resets
            raise CloudDiscoveryError("cloud discovery at %s failed: %s" % (where, e), e) from None
        return parse_response(body)

    def refresh(self) -> bool:
        """Fetch the table again; on failure keep the old one, log, and return False."""
        try:
            table = self.discover_nodes()
        except HazelcastError as e:
            self.last_error = e
            _logger.warning("Failed to load addresses from Hazelcast Cloud: %s", e)
            return False
        with self._lock:
            self._table = table
            self.last_error = None
            self.last_refresh = time.monotonic()
        _logger.debug("Hazelcast Cloud members (private -> public): %s", table)
        return True

    def _refresh_in_background(self) -> None:
        with self._lock:
            if self._refreshing:
                return
            self._refreshing = True

        def run() -> None:
            try:
                self.refresh()
            finally:
                with self._lock:
                    self._refreshing = False

        threading.Thread(target=run, name="hz.client.cloud-discovery", daemon=True).start()

    def load_addresses(self) -> List[Endpoint]:
        """Address provider of the cluster service: the private addresses, fetched now.

        Raises the discovery error when the fetch failed and no address is known.
        """
        self.refresh()
        with self._lock:
            addresses = list(self._table)
        if not addresses and self.last_error is not None:
            raise self.last_error
        return addresses

    def translate(self, endpoint: Endpoint) -> Optional[Endpoint]:
        """The public endpoint of a member's private ``endpoint``; None if the cloud does not know it."""
        public = self._table.get(endpoint)
        if public is not None:
            return public
        if not self._can_block():
            self._refresh_in_background()
            return None
        self.refresh()
        return self._table.get(endpoint)

    @property
    def table(self) -> Dict[Endpoint, Endpoint]:
        """The last fetched ``{private: public}`` table (a copy)."""
        with self._lock:
            return dict(self._table)


def cloud_discovery_for(config: "ClientConfig", properties: "ClientProperties",
                        can_block: Callable[[], bool]) -> Optional[HazelcastCloudDiscovery]:
    """The discovery of ``config`` (cloud_config or the token property), or None when it is off."""
    from hazelcast.config import ClientProperties
    cloud = config.network_config.cloud_config
    token = cloud.discovery_token if cloud.enabled else properties.get(
        ClientProperties.HAZELCAST_CLOUD_DISCOVERY_TOKEN)
    if not token:
        return None
    url_base = str(properties.get(ClientProperties.CLOUD_URL_BASE))
    ssl_config = config.network_config.ssl_config
    cafile = ssl_config.cafile if ssl_config.enabled else None
    return HazelcastCloudDiscovery(url_base, str(token), config.network_config.connection_timeout,
                                   cafile, can_block)
