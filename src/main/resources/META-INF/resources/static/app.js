/* Footfall's own pages: small enhancements; every page works without them. */
(function () {
  "use strict";

  // Add a site: default the time zone to the browser's.
  var zone = document.querySelector("select[data-use-browser]");
  if (zone && window.Intl) {
    var mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (var i = 0; i < zone.options.length; i++) {
      if (zone.options[i].value === mine) { zone.selectedIndex = i; break; }
    }
  }

  // Copy buttons: data-copy names the element whose text is copied.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = document.getElementById(button.getAttribute("data-copy")).textContent;
      var done = function () { button.textContent = "Copied"; };
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, function () {});
    });
  });

  // Delete a site: the button works only once the domain is typed.
  document.querySelectorAll("input[data-must-equal]").forEach(function (input) {
    var button = input.form.querySelector("button[type=submit]");
    var check = function () {
      button.disabled = input.value.trim().toLowerCase() !== input.getAttribute("data-must-equal");
    };
    input.addEventListener("input", check);
    check();
  });

  // Site settings: tell the owner when the first page view arrives, without a reload.
  var status = document.querySelector("[data-poll]");
  if (status) {
    var poll = function () {
      fetch(status.getAttribute("data-poll"), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .then(function (s) {
          if (s.receiving) {
            status.className = "status ok";
            status.textContent = "The first page view has arrived! ";
            var link = document.createElement("a");
            link.href = status.getAttribute("data-dashboard");
            link.textContent = "See it on the dashboard";
            status.appendChild(link);
          } else {
            setTimeout(poll, 3000);
          }
        }, function () { setTimeout(poll, 10000); });
    };
    setTimeout(poll, 2000);
  }
})();
