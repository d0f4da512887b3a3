import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * The Pod that `npm run test:image` plays with `podman kube play`: the pod template of
 * deploy/kubernetes/base/deployment.yaml as it stands (probes, securityContext, resources,
 * volumes, lifecycle), with what a cluster would supply filled in — the image built here, the
 * ConfigMap's values and the Secret's keys as literal environment variables, the port published
 * on 127.0.0.1 — and a PostgreSQL 15 container beside it (the pod's containers share localhost).
 */
const BASE = fileURLToPath(new URL('../../deploy/kubernetes/base/', import.meta.url));

export interface PodOptions {
  readonly name: string;
  readonly image: string;
  readonly postgresImage: string;
  /** Host ports on 127.0.0.1: the service's and PostgreSQL's. */
  readonly httpPort: number;
  readonly postgresPort: number;
  /** The Secret's keys (DATABASE_URL, TOKEN_MASTER_KEY, METRICS_TOKEN). */
  readonly secrets: Readonly<Record<string, string>>;
  readonly postgresPassword: string;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  image: string;
  imagePullPolicy?: string;
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number; hostPort?: number; hostIP?: string }[];
  [key: string]: unknown;
}
interface KubeObject {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [key: string]: any;
}

function readManifest(file: string): KubeObject {
  return parse(readFileSync(`${BASE}${file}`, 'utf8')) as KubeObject;
}

/** The Deployment's one application container, as the manifests hold it. */
export function deploymentContainer(): Container {
  const containers = readManifest('deployment.yaml').spec.template.spec.containers as Container[];
  if (containers.length !== 1) throw new Error(`expected one container in deployment.yaml, found ${containers.length}`);
  return containers[0]!;
}

export function podManifest(options: PodOptions): KubeObject {
  const deployment = readManifest('deployment.yaml');
  const configMap = readManifest('configmap.yaml');
  const template = structuredClone(deployment.spec.template) as { metadata: KubeObject['metadata']; spec: any };
  const [service] = template.spec.containers as Container[];
  if (!service || template.spec.containers.length !== 1) throw new Error('deployment.yaml must hold one container');

  const fromConfigMap = (name: string, key?: string): EnvVar[] => {
    if (name !== configMap.metadata.name)
      throw new Error(`deployment.yaml names ConfigMap ${name}, not in configmap.yaml`);
    const data = configMap.data as Record<string, string>;
    return Object.entries(data)
      .filter(([k]) => key === undefined || k === key)
      .map(([k, value]) => ({ name: k, value: String(value) }));
  };
  const fromSecret = (key: string): string => {
    const value = options.secrets[key];
    if (value === undefined) throw new Error(`deployment.yaml reads Secret key ${key}, which the test does not give`);
    return value;
  };
  const env: EnvVar[] = (service.envFrom ?? []).flatMap((source) => {
    if (source.configMapRef) return fromConfigMap(source.configMapRef.name);
    throw new Error('only configMapRef is supported in envFrom');
  });
  for (const variable of service.env ?? []) {
    const ref = variable.valueFrom;
    if (ref?.secretKeyRef) env.push({ name: variable.name, value: fromSecret(ref.secretKeyRef.key) });
    else if (ref?.configMapKeyRef)
      env.push({
        name: variable.name,
        value: fromConfigMap(ref.configMapKeyRef.name, ref.configMapKeyRef.key)[0]?.value ?? '',
      });
    else env.push(variable);
  }
  delete service.envFrom;
  service.env = env;
  service.image = options.image;
  service.imagePullPolicy = 'Never';
  service.ports = (service.ports ?? []).map((port) =>
    port.name === 'http' ? { ...port, hostPort: options.httpPort, hostIP: '127.0.0.1' } : port,
  );

  const postgres: Container = {
    name: 'postgres',
    image: options.postgresImage,
    imagePullPolicy: 'Never',
    env: [{ name: 'POSTGRES_PASSWORD', value: options.postgresPassword }],
    ports: [{ name: 'postgres', containerPort: 5432, hostPort: options.postgresPort, hostIP: '127.0.0.1' }],
    securityContext: { runAsUser: 10002, runAsGroup: 10002, runAsNonRoot: true },
  };
  template.spec.containers = [postgres, service];
  // A Deployment's pods restart their containers; the service exits 1 if the database is not up yet.
  template.spec.restartPolicy = 'Always';

  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: options.name, labels: template.metadata.labels },
    spec: template.spec,
  };
}
