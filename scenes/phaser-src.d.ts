/** Phaser's CommonJS sources, reached through vite.config.ts's `phaser-src` alias (untyped). */
declare module 'phaser-src/*' {
  const value: unknown;
  export default value;
}
