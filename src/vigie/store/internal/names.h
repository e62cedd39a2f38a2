#pragma once
// How the store ranks modalities (names come from events::ModalityName and ParseModality).

#include "vigie/events/event.h"

namespace vigie::store::internal {

// How strongly a modality attests that the event took place: an event's summary modality is
// the strongest among its mentions (asserted > reported > speculative > negated).
inline int ModalityStrength(events::Modality m) {
  switch (m) {
    case events::Modality::kAsserted:
      return 3;
    case events::Modality::kReported:
      return 2;
    case events::Modality::kSpeculative:
      return 1;
    case events::Modality::kNegated:
      return 0;
  }
  return 0;
}

}  // namespace vigie::store::internal
