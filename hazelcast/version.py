"""Version of this client and of the protocol it speaks."""

CLIENT_VERSION = "3.12.3"
CLIENT_TYPE = "PYH"
SERIALIZATION_VERSION = 1
PROTOCOL_VERSION = "1.8"
