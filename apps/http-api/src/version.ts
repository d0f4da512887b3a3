/** This build's version, as /admin/v1/instance and the OpenAPI document show it. */
export const SERVICE_VERSION = '0.1.0';
