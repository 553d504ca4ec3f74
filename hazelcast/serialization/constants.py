"""Constants of the serialization layer."""


class INTEGER_TYPE(object):
    """How a Python ``int`` is written when no other serializer claims it.

    ``VAR`` picks the smallest Java type that holds the value; the others
    force Java ``Byte``, ``Short``, ``Integer``, ``Long`` or ``BigInteger``.
    """

    VAR = 0
    BYTE = 1
    SHORT = 2
    INT = 3
    LONG = 4
    BIG_INT = 5
