//! Explains a decoded token header and payload: claims, verdict and findings.
