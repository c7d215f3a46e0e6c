{{/* The partitions of <context>.events: at least the most replicas any consuming service may run, times its
listener threads, so no consumer the HPA starts sits idle for want of a partition. */}}
{{- define "exchange.partitions" -}}
{{- $context := .context -}}
{{- $partitions := int .root.Values.kafka.minimumPartitions -}}
{{- range $name, $svc := .root.Values.services -}}
{{- if has $context ($svc.consumes | default list) -}}
{{- $partitions = max $partitions (mul (int $svc.maxReplicas) (int $.root.Values.consumers.concurrency)) -}}
{{- end -}}
{{- end -}}
{{- $partitions -}}
{{- end -}}

{{/* Whether Prometheus scrapes the service. */}}
{{- define "exchange.scraped" -}}
{{- if or .svc.database .root.Values.monitoring.scrapeGateway }}true{{ end -}}
{{- end -}}

{{/* Where the backups are and how to reach them (database.backup). */}}
{{- define "exchange.objectStore" -}}
{{- with .endpointURL -}}
endpointURL: {{ . | quote }}
{{ end -}}
s3Credentials:
  accessKeyId: { name: {{ .s3CredentialsSecret }}, key: ACCESS_KEY_ID }
  secretAccessKey: { name: {{ .s3CredentialsSecret }}, key: ACCESS_SECRET_KEY }
{{- end -}}

{{/* A CloudNativePG cluster of its own (a service's database, or Keycloak's), with its continuous backup when on. */}}
{{- define "exchange.database" -}}
{{- $db := .root.Values.database -}}
{{- $restore := index ($db.restore | default dict) .name -}}
{{- $store := $db.backup -}}
---
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: {{ .name }}
spec:
  instances: {{ $db.instances }}
  storage: { size: {{ $db.storage }} }
  {{- if $restore }}
  # made from the backup of {{ $restore.fromServerName }} (database.restore), not empty
  bootstrap:
    recovery:
      source: {{ .name }}-backup
      {{- with $restore.targetTime }}
      recoveryTarget: { targetTime: {{ . | quote }} }
      {{- end }}
  externalClusters:
    - name: {{ .name }}-backup
      barmanObjectStore:
        destinationPath: "{{ $store.destinationPath }}/{{ .name }}"
        serverName: {{ $restore.fromServerName }}
        {{- include "exchange.objectStore" $store | nindent 8 }}
        wal: { maxParallel: 4 }
  {{- end }}
  {{- if $store.enabled }}
  backup:
    retentionPolicy: {{ $store.retentionPolicy | quote }}
    barmanObjectStore:
      destinationPath: "{{ $store.destinationPath }}/{{ .name }}"
      # a restored cluster archives under a server name of its own: it never writes into the backup it came from
      serverName: {{ if $restore }}{{ .name }}-{{ $restore.generation }}{{ else }}{{ .name }}{{ end }}
      {{- include "exchange.objectStore" $store | nindent 6 }}
      wal: { compression: gzip }
      data: { compression: gzip }
---
apiVersion: postgresql.cnpg.io/v1
kind: ScheduledBackup
metadata:
  name: {{ .name }}-daily
spec:
  schedule: {{ $store.schedule | quote }}
  backupOwnerReference: self
  method: barmanObjectStore
  cluster: { name: {{ .name }} }
  {{- end }}
{{- end -}}

{{/* A Grafana dashboard of one service, from the metrics it exports: HTTP, JVM, and for a service with a database
its outbox, inbox, dead letters and Kafka consumer lag; mail for notification-service, role sync for
membership-service. */}}
{{- define "exchange.dashboard" -}}
{{- $job := printf "job=\"%s\"" .name -}}
{{- $panels := list
  (dict "title" "Requests per second by status" "unit" "reqps" "legend" "{{status}}"
        "expr" (printf "sum by (status) (rate(http_server_requests_seconds_count{%s}[5m]))" $job))
  (dict "title" "Request latency p95 by URI" "unit" "s" "legend" "{{uri}}"
        "expr" (printf "histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket{%s}[5m])))" $job))
  (dict "title" "Share of requests answered 5xx" "unit" "percentunit" "legend" "5xx"
        "expr" (printf "sum(rate(http_server_requests_seconds_count{%s,status=~\"5..\"}[5m])) / sum(rate(http_server_requests_seconds_count{%s}[5m]))" $job $job))
  (dict "title" "JVM memory used by area" "unit" "bytes" "legend" "{{pod}} {{area}}"
        "expr" (printf "sum by (pod, area) (jvm_memory_used_bytes{%s})" $job))
-}}
{{- if .svc.database -}}
{{- $panels = concat $panels (list
  (dict "title" "Outbox: events not yet acknowledged by Kafka" "unit" "short" "legend" "incomplete"
        "expr" (printf "max(exchange_outbox_incomplete{%s})" $job))
  (dict "title" "Outbox: age of the oldest waiting event" "unit" "s" "legend" "oldest"
        "expr" (printf "max(exchange_outbox_oldest_age_seconds{%s})" $job))
  (dict "title" "Inbox: events handled per second" "unit" "ops" "legend" "{{outcome}}"
        "expr" (printf "sum by (outcome) (rate(exchange_inbox_events_total{%s}[5m]))" $job))
  (dict "title" "Dead letters parked" "unit" "short" "legend" "{{group}}"
        "expr" (printf "max by (group) (exchange_dead_letters{%s})" $job))
  (dict "title" "Kafka consumer lag (records, max per topic)" "unit" "short" "legend" "{{topic}}"
        "expr" (printf "max by (topic) (kafka_consumer_fetch_manager_records_lag_max{%s})" $job))
) -}}
{{- end -}}
{{- if eq .name "notification-service" -}}
{{- $panels = concat $panels (list
  (dict "title" "E-mails sent and failed attempts per minute" "unit" "short" "legend" "{{__name__}}"
        "expr" (printf "60 * rate({__name__=~\"exchange_mail_sent_total|exchange_mail_attempts_failed_total\",%s}[5m])" $job))
  (dict "title" "E-mails given up on" "unit" "short" "legend" "failed"
        "expr" (printf "max(exchange_mail_failed{%s})" $job))
) -}}
{{- end -}}
{{- if eq .name "membership-service" -}}
{{- $panels = append $panels
  (dict "title" "Keycloak role changes waiting" "unit" "short" "legend" "waiting"
        "expr" (printf "max(exchange_identity_role_sync_waiting{%s})" $job)) -}}
{{- end -}}
{{- $rendered := list -}}
{{- range $i, $panel := $panels -}}
{{- $rendered = append $rendered (dict
  "id" (add1 $i) "type" "timeseries" "title" $panel.title
  "datasource" (dict "type" "prometheus" "uid" "${datasource}")
  "gridPos" (dict "h" 8 "w" 12 "x" (mul (mod $i 2) 12) "y" (mul (div $i 2) 8))
  "fieldConfig" (dict "defaults" (dict "unit" $panel.unit) "overrides" list)
  "targets" (list (dict "refId" "A" "expr" $panel.expr "legendFormat" $panel.legend))) -}}
{{- end -}}
{{- toPrettyJson (dict
  "title" (printf "Exchange: %s" .name) "uid" (printf "exchange-%s" .name | trunc 40)
  "tags" (list "exchange") "timezone" "browser" "schemaVersion" 39 "refresh" "30s"
  "time" (dict "from" "now-6h" "to" "now")
  "templating" (dict "list" (list (dict "name" "datasource" "type" "datasource" "query" "prometheus" "label" "Data source")))
  "panels" $rendered) -}}
{{- end -}}
