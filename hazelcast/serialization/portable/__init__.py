"""Portable serialization: class definitions, writer, reader, serializer."""
from hazelcast.serialization.portable.classdef import (  # noqa: F401
    ClassDefinition, ClassDefinitionBuilder, FieldDefinition)
