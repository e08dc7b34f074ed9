import geoip from 'geoip-lite';

/** Where an address is, as far as an offline database can tell. */
export interface GeoPoint {
  country: string;
  lat: number;
  lon: number;
}
export type GeoLookup = (ip: string) => GeoPoint | null;

/**
 * geoip-lite ships its (country/city) database inside the npm package, so
 * lookups are offline, synchronous and fast; the price is coarse accuracy
 * (country level is reliable, coordinates are often a country centroid),
 * which is why the travel rule only fires on large distances. Private and
 * unknown addresses give null and are simply not judged.
 */
export const geoipLookup: GeoLookup = (ip) => {
  const found = geoip.lookup(ip);
  if (!found?.country || found.ll[0] === null || found.ll[1] === null) return null;
  return { country: found.country, lat: found.ll[0], lon: found.ll[1] };
};

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
