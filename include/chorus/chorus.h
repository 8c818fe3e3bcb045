// include/chorus/chorus.h: the umbrella header.
// Usage:
//   #include <chorus/chorus.h>
//   auto corpus = chorus::load_documents({"examples/westminster"});
//   auto brief = chorus::make_brief(corpus.documents);
//   std::cout << chorus::render_brief(*brief, chorus::RenderFormat::kText);
#pragma once

#include "chorus/brief.h"
#include "chorus/clean.h"
#include "chorus/cluster.h"
#include "chorus/corpus.h"
#include "chorus/datasets.h"
#include "chorus/dedup.h"
#include "chorus/extract.h"
#include "chorus/extract_eval.h"
#include "chorus/facts.h"
#include "chorus/fetch.h"
#include "chorus/ingest.h"
#include "chorus/outlets.h"
#include "chorus/pipeline.h"
#include "chorus/render.h"
#include "chorus/rouge.h"
#include "chorus/segment.h"
#include "chorus/serve.h"
#include "chorus/status.h"
#include "chorus/store.h"
#include "chorus/stream.h"

namespace chorus {
// "0.1.0"
const char* version();
}  // namespace chorus
