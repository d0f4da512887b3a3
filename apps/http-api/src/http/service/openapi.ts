import * as z from 'zod';
import type { Operation } from '../openapi/operation.js';

/** The operational routes: no token, no envelope. */
export const serviceOperations: readonly Operation[] = [
  {
    method: 'get',
    path: '/health',
    tag: 'operations',
    summary: 'Liveness: the process answers',
    public: true,
    response: { schema: z.strictObject({ status: z.literal('ok') }), example: { status: 'ok' } },
    errors: [500],
  },
  {
    method: 'get',
    path: '/ready',
    tag: 'operations',
    summary: 'Readiness: the database answers and its migrations are done',
    public: true,
    response: { schema: z.strictObject({ status: z.literal('ready') }), example: { status: 'ready' } },
    errors: [500, 503],
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'operations',
    summary: 'Prometheus metrics',
    description:
      'The Prometheus text format. When METRICS_TOKEN is set, only `Authorization: Bearer <METRICS_TOKEN>` gets it (not an app token).',
    public: true,
    response: {
      schema: z.string(),
      example: '# HELP http_requests_total …',
      mediaType: 'text/plain',
    },
    errors: [401, 500],
    errorExamples: { 401: ['unauthorized', 'metrics need the metrics token', 'UnauthorizedException'] },
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'operations',
    summary: 'This OpenAPI 3.1 document',
    public: true,
    response: {
      schema: z.looseObject({
        openapi: z.literal('3.1.0'),
        info: z.looseObject({}),
        paths: z.record(z.string(), z.unknown()),
      }),
      example: {
        openapi: '3.1.0',
        info: { title: 'Chat-room service (Easemob-compatible)', version: '0.1.0' },
        paths: {},
      },
    },
    errors: [500],
  },
  {
    method: 'get',
    path: '/docs',
    tag: 'operations',
    summary: 'The reference page (Swagger UI) of this document',
    public: true,
    response: { schema: z.string(), example: '<!doctype html>…', mediaType: 'text/html' },
    errors: [500],
  },
];
