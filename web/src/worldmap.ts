// The offline world map: world-atlas's 110m TopoJSON, turned into GeoJSON and registered with
// echarts once. Bundled (no request at run time), in its own lazily loaded chunk.
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { echarts } from './charts';

let registered = false;

/**
 * world-atlas rings are not cut at the antimeridian: Fiji's and Chukotka's jump from +179 to
 * -180, and echarts would draw them across the whole map. A ring mostly east of Greenwich gets
 * its western points on its own side (clamped at +180), and the other way round: the sliver
 * beyond the antimeridian is squashed onto it, invisible at this scale.
 */
function fixAntimeridian(ring: Position[]): Position[] {
  const crosses = ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
  if (!crosses) return ring;
  const east = ring.reduce((sum, p) => sum + p[0], 0) >= 0;
  return ring.map((p) => [east ? (p[0] < 0 ? 180 : p[0]) : p[0] > 0 ? -180 : p[0], p[1]]);
}

function fixFeature(f: Feature<Polygon | MultiPolygon>): Feature<Polygon | MultiPolygon> {
  const g = f.geometry;
  if (!g) return f;
  const geometry: Polygon | MultiPolygon =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map(fixAntimeridian) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(fixAntimeridian)) };
  return { ...f, geometry };
}

export function registerWorldMap(): void {
  if (registered) return;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const geo = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  // Antarctica is dropped: it holds no events and its ring around the pole draws a stray line.
  const features = geo.features.filter((f) => f.properties?.name !== 'Antarctica').map(fixFeature);
  // echarts reads the region name from properties.name, which world-atlas provides.
  echarts.registerMap('world', { type: 'FeatureCollection', features } as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered = true;
}
