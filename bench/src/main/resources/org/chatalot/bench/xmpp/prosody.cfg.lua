-- Written by the Chatalot benchmark; this instance lives in {{dir}} and listens on 127.0.0.1 only.
run_as_root = true  -- the benchmark runs as whoever runs it; nothing here is reachable from outside
daemonize = false
pidfile = "{{dir}}/prosody.pid"
data_path = "{{dir}}/data"
certificates = "{{dir}}/certs"
log = { warn = "{{dir}}/prosody.log" }
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_interfaces = { "127.0.0.1" }
c2s_ports = { {{c2s_port}} }
c2s_direct_tls_ports = {}
legacy_ssl_ports = {}
s2s_ports = {}
component_ports = {}
http_interfaces = { "127.0.0.1" }
http_ports = { {{http_port}} }
https_ports = {}
modules_enabled = { "roster"; "saslauth"; "disco"; "ping"; "register"; "websocket" }
modules_disabled = { "s2s"; "offline" }
authentication = "internal_plain"
storage = "internal"
-- accounts are created by in-band registration from loopback
allow_registration = true
min_seconds_between_registrations = 0
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
consider_websocket_secure = true
VirtualHost "{{domain}}"
Component "conference.{{domain}}" "muc"
  muc_room_locking = false
  restrict_room_creation = false
  max_history_messages = 0
