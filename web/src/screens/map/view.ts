/** Web Mercator in CSS pixels, the same projection supercluster uses for its zoom levels. */
export interface View {
  lon: number;
  lat: number;
  z: number;
  width: number;
  height: number;
}

const TILE = 256;
export const MIN_Z = 4;
export const MAX_Z = 15;
export const worldSize = (z: number) => TILE * 2 ** z;

export function toWorld(lon: number, lat: number, z: number): [number, number] {
  const s = worldSize(z);
  const sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [((lon + 180) / 360) * s, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * s];
}

export function fromWorld(x: number, y: number, z: number): [number, number] {
  const s = worldSize(z);
  const lon = (x / s) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / s;
  return [lon, (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)))];
}

/** A fast lon/lat → screen function for one view. */
export function projector(v: View): (lon: number, lat: number) => [number, number] {
  const [cx, cy] = toWorld(v.lon, v.lat, v.z);
  const ox = v.width / 2 - cx;
  const oy = v.height / 2 - cy;
  const s = worldSize(v.z);
  const k = Math.PI / 180;
  return (lon, lat) => {
    const sin = Math.sin(Math.max(-85, Math.min(85, lat)) * k);
    return [((lon + 180) / 360) * s + ox, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * s + oy];
  };
}

export function unproject(v: View, px: number, py: number): [number, number] {
  const [cx, cy] = toWorld(v.lon, v.lat, v.z);
  return fromWorld(cx + px - v.width / 2, cy + py - v.height / 2, v.z);
}

/** [west, south, east, north] of what is on screen, widened by `pad` pixels. */
export function bounds(v: View, pad = 0): [number, number, number, number] {
  const [w, n] = unproject(v, -pad, -pad);
  const [e, s] = unproject(v, v.width + pad, v.height + pad);
  return [Math.max(-180, w), Math.max(-85, s), Math.min(180, e), Math.min(85, n)];
}

export function kmToPx(km: number, lat: number, z: number): number {
  return (km / (40075.016686 * Math.cos((lat * Math.PI) / 180))) * worldSize(z);
}

export function panBy(v: View, dx: number, dy: number): View {
  const [lon, lat] = unproject(v, v.width / 2 + dx, v.height / 2 + dy);
  return { ...v, lon, lat: Math.max(-80, Math.min(80, lat)) };
}

/** Zooms keeping the point under (px, py) in place. */
export function zoomAround(v: View, dz: number, px: number, py: number): View {
  const z = Math.max(MIN_Z, Math.min(MAX_Z, v.z + dz));
  if (z === v.z) return v;
  const [lon, lat] = unproject(v, px, py);
  const [wx, wy] = toWorld(lon, lat, z);
  const [clon, clat] = fromWorld(wx - (px - v.width / 2), wy - (py - v.height / 2), z);
  return { ...v, z, lon: clon, lat: clat };
}
