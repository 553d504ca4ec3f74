"""Version of this client and of the protocol it speaks."""

CLIENT_VERSION = "3.12.3"
CLIENT_VERSION_INFO = tuple(int(part) for part in CLIENT_VERSION.split("."))
CLIENT_TYPE = "PYH"
SERIALIZATION_VERSION = 1
PROTOCOL_VERSION = "1.8"
