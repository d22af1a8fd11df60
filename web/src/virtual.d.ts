declare module 'virtual:basemap' {
  import type { Basemap } from '../build/basemap.ts';
  const basemap: Basemap;
  export default basemap;
}
