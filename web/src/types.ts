// Shapes of the JSON answered by `vigie serve` (doc/api.md; field names from DESIGN.md).
// Fields may be added by the server, never renamed, so every type here is a lower bound.

export type Modality = 'asserted' | 'negated' | 'reported' | 'speculative';
export type Period = 'day' | 'week' | 'month' | 'year';

export interface Stats {
  schema_version: number;
  documents: number;
  duplicates: number;
  comments: number;
  sentences: number;
  mentions: number;
  events: number;
}

export interface Actor {
  code: string | null;
  country: string | null;
  org: string | null;
  role: string | null;
  name: string | null;
  text?: string | null;
}

export interface Place {
  name: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/** One evidence sentence of an event. */
export interface Mention {
  id: number;
  event_id: number | null;
  counted: boolean;
  from_comment: boolean;
  duplicate_doc: boolean | string | null;
  doc_id: string;
  url: string | null;
  site: string | null;
  date: string | null;
  lang: string | null;
  sentence: number;
  text: string;
  span: [number, number] | null;
  rule: string | null;
  modality: Modality;
  cameo: string;
  goldstein: number;
  tone: number | null;
  source: Actor | null;
  target: Actor | null;
}

/** A real-world event: `vigie code`'s object for its first mention plus aggregates. */
export interface VigieEvent {
  id: number;
  doc_id: string;
  sentence: number;
  text: string;
  date: string | null;
  lang: string | null;
  source: Actor | null;
  target: Actor | null;
  cameo: string;
  root: string;
  quad: number;
  goldstein: number;
  modality: Modality;
  location: Place | null;
  evidence: [number, number] | null;
  rule: string | null;
  url: string | null;
  site: string | null;
  tone: number | null;
  modality_mentions?: Partial<Record<Modality, number>>;
  /** A count in event lists; the evidence sentences in `/api/events/ID`. */
  mentions: number | Mention[];
  sources?: number;
  articles?: number;
  first_seen?: string | null;
  last_seen?: string | null;
  is_root?: boolean;
}

export interface EventPage {
  events: VigieEvent[];
  offset: number;
  more: boolean;
}

export interface DyadRow {
  period: string;
  events: number;
  quad: [number, number, number, number];
  goldstein_mean: number | null;
  goldstein_sum: number;
  tone_mean: number | null;
}

export interface Dyad {
  a: string;
  b: string;
  by: Period;
  directed: boolean;
  rows: DyadRow[];
}

export interface Shift {
  a: string;
  b: string;
  period: string;
  direction: string;
  before_mean: number;
  after_mean: number;
  magnitude: number;
  t: number;
  before_events: number;
  after_events: number;
  events: VigieEvent[];
}

export interface TopRow {
  key: string;
  name?: string | null;
  a?: string;
  b?: string;
  events: number;
  mentions: number;
  goldstein_mean: number | null;
}

export interface Top {
  kind: 'actors' | 'dyads' | 'codes';
  rows: TopRow[];
}

export interface ActorPage {
  key: string;
  name: string | null;
  events: number;
  mentions: number;
  goldstein_mean: number | null;
  relations: TopRow[];
  codes: TopRow[];
  recent: VigieEvent[];
}

export interface SearchHit {
  doc_id: string;
  title: string | null;
  url: string | null;
  site: string | null;
  date: string | null;
  lang: string | null;
  snippet: string;
  score: number;
}

export interface Comment {
  author: string | null;
  date: string | null;
  text: string;
  tone: number | null;
}

export interface DocumentPage {
  id: string;
  url: string | null;
  site: string | null;
  title: string | null;
  date: string | null;
  modified: string | null;
  lang: string | null;
  author: string | null;
  format: string | null;
  duplicate_of: string | null;
  tone: number | null;
  paragraphs: string[];
  comments: Comment[];
  mentions: Mention[];
}

export interface PlaceRow {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
  goldstein_mean: number | null;
}

export interface Watch {
  id: number;
  kind: string;
  a: string | null;
  b: string | null;
  query: string | null;
  label: string | null;
  /** Unix seconds as the server writes it today; a date string is accepted too. */
  created: number | string | null;
}

export interface Alert {
  id: number;
  watch: number;
  label: string | null;
  kind: string;
  /** Unix seconds as the server writes it today; a date string is accepted too. */
  created: number | string | null;
  title: string | null;
  summary: string | null;
  period: string | null;
  events: number[];
}
