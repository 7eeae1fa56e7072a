/* Podium – keeps what is typed in a gesprek form in this browser until the server has it.
   An addition only: without JavaScript every form works the same.

   Each form with data-concept="<key>" is remembered while typing. When the page is shown
   again:
   - the server still has what it had when the typing started (the save never arrived:
     a lost connection, a closed tab): the typed text is put back, with a notice;
   - the server now has exactly the typed text (it was saved): the concept is dropped;
   - someone else saved something else meanwhile: the typed text is shown beside the form,
     never silently put over theirs. */
(function () {
  "use strict";

  var PREFIX = "podium-concept:";
  var script = document.currentScript;
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
    var sleutel = PREFIX + window.location.pathname + ":" + form.getAttribute("data-concept");
    var server = waarden(form, "defaultValue");
    var bewaard = null;
    try {
      bewaard = JSON.parse(opslag.getItem(sleutel) || "null");
    } catch (fout) {
      bewaard = null;
    }

    if (bewaard && bewaard.basis && bewaard.waarden) {
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
        opslag.setItem(sleutel, JSON.stringify({ basis: server, waarden: waarden(form, "value") }));
      } catch (fout) {
        /* storage full: nothing to do */
      }
    });
  });
})();
