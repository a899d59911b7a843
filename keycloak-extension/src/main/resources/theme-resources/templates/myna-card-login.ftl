<#-- The card login page: wraps the login theme's template.ftl; every text is a message key
     (messages/messages_<locale>.properties). mynaCard is io.mynagate.keycloak.card.CardLoginPage.
     The link is a top-level navigation to the card bridge carrying this rendering's signed hand-off
     request; the bridge sends the browser back to the realm's myna-card/return page, not to this one. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("mynaCardLoginTitle")}
    <#elseif section = "form">
        <div id="myna-card-login">
            <div class="${properties.kcFormGroupClass!}">
                <p id="myna-card-instruction">${msg("mynaCardInstruction")}</p>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <p id="myna-card-pin-hint">${msg("mynaCardPinHint")}</p>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <a id="myna-card-open-bridge" href="${mynaCard.handoffUrl}" rel="noreferrer"
                   class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("mynaCardOpenBridge")}</a>
            </div>
        </div>
    <#elseif section = "info">
        <div id="myna-card-bridge-help">
            <p><strong>${msg("mynaCardBridgeNotRunningTitle")}</strong></p>
            <p>${msg("mynaCardBridgeNotRunning", mynaCard.bridgeUrl)}</p>
        </div>
    </#if>
</@layout.registrationLayout>
