#include "referat/store.h"
