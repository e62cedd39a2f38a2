#include "vigie/events/event.h"

namespace vigie::events {

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kNegated:
      return "negated";
    case Modality::kReported:
      return "reported";
    case Modality::kSpeculative:
      return "speculative";
  }
  return "asserted";
}

std::optional<Modality> ParseModality(std::string_view name) {
  for (Modality m :
       {Modality::kAsserted, Modality::kNegated, Modality::kReported, Modality::kSpeculative}) {
    if (name == ModalityName(m)) return m;
  }
  return std::nullopt;
}

}  // namespace vigie::events
