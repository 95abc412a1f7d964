"""Entity resolution: gazetteer lookup, role phrases at a date, minted IRIs."""
from .gazetteer import Gazetteer, gazetteer, load_gazetteer
from .resolver import Resolver

__all__ = ["Gazetteer", "Resolver", "gazetteer", "load_gazetteer"]
