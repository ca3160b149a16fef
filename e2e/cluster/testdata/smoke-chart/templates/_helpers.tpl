{{- define "smoke.fullname" -}}
{{- printf "%s-smoke" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "smoke.selectorLabels" -}}
app.kubernetes.io/name: smoke
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
