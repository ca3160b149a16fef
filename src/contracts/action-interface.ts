/**
 * Every action input and output, with its default: the single source that action.yml, the README table
 * and the defaults applied outside the runner (CLI, local runs) are checked against.
 */

export interface InputSpec {
  readonly description: string
  readonly default?: string
  readonly required?: true
}

// A table of data: entries of one shape are rows, not repeated logic.
export const INPUTS = {
  tag: { description: 'Image tag to deliver, e.g. 0.8.1 (an OCI tag).', required: true },
  stage: {
    description: 'The shipyard stage this job runs, e.g. dev, staging or production.',
    required: true
  },
  image: { description: 'Image repository without tag.', default: 'docker.io/keptnexamples/carts' },
  service: { description: 'Service name: helm release, values folder and SLI labels.', default: 'carts' },
  project: { description: 'Project name; the namespace is <project>-<stage>.', default: 'sockshop' },
  shipyard: {
    description: 'Path of a Keptn shipyard.yaml (0.1.x or 0.2.x); empty: dev, staging, production.',
    default: ''
  },
  chart: { description: 'Path of the Helm chart to deploy.', default: 'chart' },
  'config-branch': { description: 'Branch that holds the desired state of every stage.', default: 'config' },
  'config-repo': {
    description:
      'Repository of the config branch: a local path or an https URL. Empty: this workflow run’s repository.',
    default: ''
  },
  namespace: { description: 'Kubernetes namespace; empty: <project>-<stage>.', default: '' },
  kubeconfig: {
    description: 'Kubeconfig content (a secret); empty: the runner’s current kube context.',
    default: ''
  },
  'helm-version': {
    description: "Helm version to install (pinned, checksum-verified), or 'system'.",
    default: '3.19.0'
  },
  'helm-download-url': {
    description: 'Base URL of Helm release archives (a mirror).',
    default: 'https://get.helm.sh'
  },
  'jmeter-version': { description: "JMeter version to install, or 'system'.", default: '5.6.3' },
  'jmeter-download-url': {
    description: 'Base URL of JMeter binary archives (a mirror).',
    default: 'https://archive.apache.org/dist/jmeter/binaries'
  },
  'service-url': {
    description:
      "URL the tests reach the new version at ({service}, {namespace}, {stage}, {project} are replaced), or 'port-forward': kubectl port-forward to its Service while the tests run.",
    default: 'http://{service}.{namespace}'
  },
  'jmeter-dir': {
    description: 'Folder with jmeter.conf.yaml and the .jmx scripts; empty: no tests.',
    default: ''
  },
  'load-engines': {
    description:
      "JMeter engines in the cluster (JMeter's distributed mode: N jmeter-server pods and a controller pod in a namespace of their own, removed afterwards); 0: JMeter runs on the runner.",
    default: '0'
  },
  'jmeter-image': {
    description:
      'The JMeter image of the engines and the controller (needed with load-engines): a JRE at /opt/java, JMeter at /opt/jmeter, /usr/local/bin/jmeter-pod, as e2e/images/build.sh builds it.',
    default: ''
  },
  slo: { description: 'Path of a Keptn slo.yaml for the quality gate.', default: '' },
  thresholds: {
    description: 'Compact gate instead of slo.yaml, e.g. "response_time_p95<600, error_rate<=1".',
    default: ''
  },
  'sli-values': {
    description: 'Path of a JSON file of SLI name to number, evaluated instead of test results.',
    default: ''
  },
  domain: {
    description:
      "Keptn's app domain: the stage gets http://<service>.<namespace>.<domain> through an Ingress (or Istio Gateway), output url.",
    default: ''
  },
  'ingress-class': {
    description: "IngressClass of that Ingress; empty: the cluster's default.",
    default: ''
  },
  'prometheus-url': {
    description:
      'Prometheus to query the SLIs of sli, perfspec or the Keptn 0.5 pair from, e.g. http://prometheus.monitoring:9090.',
    default: ''
  },
  'prometheus-token': {
    description:
      "Token (or whole Authorization header value, e.g. 'Basic …') for a hosted Prometheus; a secret.",
    default: ''
  },
  sli: {
    description:
      "Path of a Keptn sli.yaml: PromQL per SLI, scored by the slo beside the results file's SLIs.",
    default: ''
  },
  perfspec: {
    description: 'Path of a Keptn 0.4 pitometer perfspec.json: the whole gate, with pitometer’s scoring.',
    default: ''
  },
  'service-indicators': {
    description: 'Path of a Keptn 0.5 service-indicators.yaml (with service-objectives): a pitometer gate.',
    default: ''
  },
  'service-objectives': {
    description: 'Path of a Keptn 0.5 service-objectives.yaml (with service-indicators).',
    default: ''
  },
  'github-token': { description: 'Token that pushes to the config branch.', default: '${{ github.token }}' },
  timeout: { description: 'How long a rollout may take (helm --timeout), e.g. 5m.', default: '5m' },
  'fail-on': { description: 'Gate result that fails the job: fail, warning or never.', default: 'fail' },
  hold: {
    description:
      "'true': deploy the new version and hold it, without tests or gate (blue/green: the stable Service stays); a later job gates it with results. Output result is held.",
    default: 'false'
  },
  results: {
    description:
      'Results files of tests run elsewhere (newline-separated paths in the workspace, files or folders of .jtl/.csv/.xml): this job runs no JMeter, judges them as one test and gates the deployment a hold job left.',
    default: ''
  },
  'fail-on-unscored': {
    description:
      "'true': a gate that scored nothing (no pass criteria, or only relative ones without a baseline) fails.",
    default: 'false'
  },
  'commit-author': {
    description: 'Author of config-branch commits, "Name <email>".',
    default: 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>'
  }
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUTS

export const OUTPUTS = {
  result: 'Gate result: pass, warning or fail; held after hold: true (deployed, not judged).',
  score: 'Total score of the evaluation, 0 to 100.',
  promote: "true when the next stage's job should run.",
  'next-stage': 'Name of the next stage in the shipyard (empty after the last).',
  approval: "'required' when a warning needs a manual approval before promotion, else 'none'.",
  'deployment-url': 'URL the new version was tested at (after hold: true, the URL load jobs test it at).',
  'deployment-service':
    "The Service the new version answers on in the stage's namespace (blue/green: the new colour's, e.g. carts-green).",
  url: "The stage's public URL (input domain), reaching what the stage runs after this job; empty without domain.",
  'config-commit': 'Config-branch commit holding this stage’s desired image.',
  evaluation: 'Path of the evaluation JSON.',
  'helm-path': 'Path of the helm binary used.',
  'results-dir': 'Folder with the JMeter results (JTL, log, HTML dashboard), for upload as an artifact.'
} as const

export type OutputName = keyof typeof OUTPUTS
