/* Podium – keeps what is typed in a gesprek form in this browser until the server has it.
   An addition only: without JavaScript every form works the same.

   Each form with data-concept="<key>" is remembered while typing, under the logged-in
   user (data-gebruiker on this script), the page (data-concept-pagina on this script: the
   page's own path, also when it is drawn again at the address a form posted to) and the
   key. When the page is shown
   again:
   - the server says the form was saved (data-concept-opgeslagen on this script, see
     gesprekken/concept.py): the copy is dropped, even when the form looks the same as
     before, as the form for a new afspraak does;
   - the server shows the form again with what was typed, unsaved (data-concept-bewaren on
     the form: an error, a conflict, a completed gesprek): the copy is kept as it is;
   - the server still has what it had when the typing started (the save never arrived:
     a lost connection, a closed tab): the typed text is put back, with a notice;
   - the server now has exactly the typed text: the copy is dropped;
   - someone else saved something else meanwhile: the typed text is shown beside the form,
     never silently put over theirs.

   Police workstations are shared: copies of another user are removed as soon as this
   script runs, and all copies when the user logs out here. */
(function () {
  "use strict";

  var PREFIX = "podium-concept:";
  var script = document.currentScript;
  var gebruiker = script.getAttribute("data-gebruiker");
  var pagina = script.getAttribute("data-concept-pagina") || window.location.pathname;
  var TEKSTEN = {
    hersteld: script.getAttribute("data-hersteld"),
    anders: script.getAttribute("data-anders")
  };
  var opslag;
  try {
    opslag = window.localStorage;
    opslag.getItem(PREFIX);
  } catch (fout) {
    return; // no storage (private mode, policy): the forms work as they are
  }
  if (!gebruiker) { return; }
  var EIGEN = PREFIX + gebruiker + ":";

  function alleSleutels() {
    var sleutels = [];
    for (var i = 0; i < opslag.length; i += 1) {
      var sleutel = opslag.key(i);
      if (sleutel && sleutel.indexOf(PREFIX) === 0) { sleutels.push(sleutel); }
    }
    return sleutels;
  }

  function verwijder(sleutels) {
    sleutels.forEach(function (sleutel) { opslag.removeItem(sleutel); });
  }

  // Another user's copies (or ones from before copies had a user) are not for this user.
  verwijder(alleSleutels().filter(function (sleutel) { return sleutel.indexOf(EIGEN) !== 0; }));

  // Saved since this script last ran: "<path>:<key>" of each form.
  var opgeslagen = [];
  try {
    opgeslagen = JSON.parse(script.getAttribute("data-concept-opgeslagen") || "[]");
  } catch (fout) {
    opgeslagen = [];
  }
  verwijder(opgeslagen.map(function (formulier) { return EIGEN + formulier; }));

  // Logging out on a shared workstation leaves nothing behind.
  document.querySelectorAll("form.site-header__logout").forEach(function (form) {
    form.addEventListener("submit", function () { verwijder(alleSleutels()); });
  });

  function velden(form) {
    return Array.prototype.filter.call(form.elements, function (veld) {
      return veld.name && (veld.tagName === "TEXTAREA" || veld.type === "text" || veld.type === "date");
    });
  }

  function waarden(form, eigenschap) {
    var uit = {};
    velden(form).forEach(function (veld) { uit[veld.name] = veld[eigenschap]; });
    return uit;
  }

  function gelijk(a, b) {
    return Object.keys(a).every(function (naam) { return a[naam] === b[naam]; });
  }

  function melding(form, tekst, extra) {
    var blok = document.createElement("div");
    blok.className = "alert alert--warning concept-melding";
    blok.setAttribute("role", "status");
    var zin = document.createElement("p");
    zin.textContent = tekst;
    blok.appendChild(zin);
    if (extra) {
      var lijst = document.createElement("div");
      lijst.className = "concept-melding__tekst";
      lijst.textContent = extra;
      blok.appendChild(lijst);
    }
    form.insertBefore(blok, form.firstChild);
  }

  document.querySelectorAll("form[data-concept]").forEach(function (form) {
    var sleutel = EIGEN + pagina + ":" + form.getAttribute("data-concept");
    var server = waarden(form, "defaultValue");
    var basis = server; // what the server had when the typing started
    var bewaard = null;
    try {
      bewaard = JSON.parse(opslag.getItem(sleutel) || "null");
    } catch (fout) {
      bewaard = null;
    }
    if (!(bewaard && bewaard.basis && bewaard.waarden)) {
      bewaard = null;
    }

    if (bewaard && form.hasAttribute("data-concept-bewaren")) {
      basis = bewaard.basis; // shown again unsaved: the form holds the text, keep the copy
    } else if (bewaard) {
      var typte = Object.keys(bewaard.waarden).some(function (naam) {
        return naam in server && bewaard.waarden[naam] !== server[naam];
      });
      if (!typte) {
        opslag.removeItem(sleutel); // the server has it
      } else if (gelijk(server, bewaard.basis)) {
        velden(form).forEach(function (veld) {
          if (veld.name in bewaard.waarden) { veld.value = bewaard.waarden[veld.name]; }
        });
        melding(form, TEKSTEN.hersteld);
      } else {
        var tekst = Object.keys(bewaard.waarden)
          .map(function (naam) { return bewaard.waarden[naam]; })
          .filter(function (waarde) { return waarde; })
          .join("\n\n");
        melding(form, TEKSTEN.anders, tekst);
        opslag.removeItem(sleutel);
      }
    }

    form.addEventListener("input", function () {
      try {
        opslag.setItem(sleutel, JSON.stringify({ basis: basis, waarden: waarden(form, "value") }));
      } catch (fout) {
        /* storage full: nothing to do */
      }
    });
  });
})();
