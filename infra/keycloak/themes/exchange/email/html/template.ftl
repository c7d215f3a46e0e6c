<#-- The portal's look on Keycloak's HTML mails: its name in its green bar, its font and colours; styles inline, as mail
     programs read them. -->
<#macro emailLayout>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<body style="margin:0;padding:0;background:#f3f6f5;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;line-height:1.5">
  <div style="max-width:36rem;margin:0 auto;padding:1.5rem 1rem">
    <div style="background:#00594f;color:#ffffff;font-weight:bold;font-size:1.25rem;padding:.75rem 1.25rem;border-radius:6px 6px 0 0">Exchange</div>
    <div style="background:#ffffff;border:1px solid #b8c4c2;border-top:none;border-radius:0 0 6px 6px;padding:1rem 1.25rem">
      <#nested>
    </div>
    <p style="color:#4a4a4a;font-size:.875rem">Exchange: practitioner-led professional learning in further education.</p>
  </div>
</body>
</html>
</#macro>
