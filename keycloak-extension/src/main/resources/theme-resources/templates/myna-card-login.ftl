<#-- The card login page: wraps the login theme's template.ftl; every text is a message key
     (messages/messages_<locale>.properties). mynaCard is io.mynagate.keycloak.card.CardLoginPage. -->
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
                <a id="myna-card-open-bridge" href="${mynaCard.bridgeUrl}" rel="noreferrer noopener"
                   class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("mynaCardOpenBridge")}</a>
            </div>
            <form id="myna-card-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <button id="myna-card-continue" name="continue" type="submit"
                            class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("mynaCardContinue")}</button>
                </div>
            </form>
        </div>
    <#elseif section = "info">
        <div id="myna-card-bridge-help">
            <p><strong>${msg("mynaCardBridgeNotRunningTitle")}</strong></p>
            <p>${msg("mynaCardBridgeNotRunning")}</p>
        </div>
    </#if>
</@layout.registrationLayout>
