"""netral: integrated supervision of ASN neutrality in Indonesian elections."""

__version__ = "0.1.0"
