// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), for the sentence-embedding model's
// matrix products. On Apple platforms the Accelerate framework is used instead.
#include <cblas.h>
