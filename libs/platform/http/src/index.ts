export { DomainError, domainErrorFactory } from './domain-error';
export { toApiError, type ApiError, type ApiErrorBody } from './to-api-error';
export { ApiErrorFilter } from './api-error.filter';
export { createValidationPipe } from './validation';
export { bootstrapService, type ServiceBootstrapOptions, type ServiceTlsOptions } from './bootstrap-service';
