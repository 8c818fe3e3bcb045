#include "chorus/chorus.h"

namespace chorus {
const char* version() { return CHORUS_VERSION; }
}  // namespace chorus
