import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const hostPlanPages: FastifyPluginAsyncZod = async () => {};
